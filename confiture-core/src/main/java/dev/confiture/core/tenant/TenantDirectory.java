package dev.confiture.core.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.TenantSettings;

/**
 * Lists the tenants of an environment from its {@code tenants:} settings: schemas
 * matching a pattern, a fixed list, or the rows of a query on the environment's database.
 * A query that returns nothing, a listing that names a tenant twice, or one that names a
 * schema that does not exist is an error; no schema matching the pattern is a fleet of
 * none.
 */
final class TenantDirectory {

	private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://([^/]*)/([^?]*)");

	private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

	private final TenantSettings settings;

	private final HomeDatabase database;

	TenantDirectory(TenantSettings settings, HomeDatabase database) {
		this.settings = settings;
		this.database = database;
	}

	/**
	 * Lists every tenant, ordered by name.
	 * @return the tenants
	 */
	List<Tenant> list() {
		List<String> names = switch (this.settings.source()) {
			case LIST -> this.settings.values();
			case LIKE, QUERY -> query();
		};
		if (names.isEmpty() && this.settings.source() == TenantSettings.Source.LIKE) {
			return List.of();
		}
		if (names.isEmpty()) {
			throw new ConfitureException(Category.CONFIG,
					"The tenant query returned no rows: " + this.settings.value() + " (" + this.settings.origin() + ")",
					"Correct the query, or register a tenant first");
		}
		checkDuplicates(names);
		return (this.settings.kind() == TenantSettings.Kind.SCHEMAS) ? schemas(names) : databases(names);
	}

	/**
	 * Keeps the named tenants.
	 * @param tenants every tenant
	 * @param names the names asked for, or empty for all
	 * @return the tenants asked for, in the order of {@code tenants}
	 */
	static List<Tenant> select(List<Tenant> tenants, Collection<String> names) {
		if (names.isEmpty()) {
			return tenants;
		}
		Map<String, Tenant> byName = new LinkedHashMap<>();
		tenants.forEach((tenant) -> byName.put(tenant.name(), tenant));
		List<String> unknown = names.stream().filter((name) -> !byName.containsKey(name)).distinct().toList();
		if (!unknown.isEmpty()) {
			List<String> known = new ArrayList<>(byName.keySet());
			throw new ConfitureException(Category.CONFIG,
					"Unknown tenant" + ((unknown.size() > 1) ? "s " : " ") + String.join(", ", unknown)
							+ "; the environment has " + known.size() + " tenant(s)"
							+ ((known.size() <= 10) ? ": " + String.join(", ", known)
									: " (" + String.join(", ", known.subList(0, 10)) + ", ...)"),
					"Name tenants as they are listed; nothing was run");
		}
		Set<String> wanted = new LinkedHashSet<>(names);
		return tenants.stream().filter((tenant) -> wanted.contains(tenant.name())).toList();
	}

	private List<String> query() {
		try (Connection connection = this.database.connections().open()) {
			if (this.settings.source() == TenantSettings.Source.LIKE) {
				try (PreparedStatement statement = connection
					.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname LIKE ? ORDER BY nspname")) {
					statement.setString(1, this.settings.value());
					return strings(statement.executeQuery());
				}
			}
			try (Statement statement = connection.createStatement()) {
				List<String> names = new ArrayList<>();
				try (ResultSet rows = statement.executeQuery(this.settings.value())) {
					int row = 0;
					while (rows.next()) {
						row++;
						String name = rows.getString(1);
						if (name == null || name.isBlank()) {
							throw new ConfitureException(Category.CONFIG,
									"Row " + row + " of the tenant query (" + this.settings.origin()
											+ ") has no tenant in its first column",
									"Make the query return one non-empty tenant per row");
						}
						names.add(name.strip());
					}
				}
				return names;
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not list the tenants on " + this.database + " ("
					+ this.settings.origin() + "): " + ex.getMessage(),
					"Check the tenants query and that PostgreSQL is running", ex);
		}
	}

	private void checkDuplicates(List<String> names) {
		Set<String> seen = new LinkedHashSet<>();
		Set<String> twice = new LinkedHashSet<>();
		names.forEach((name) -> {
			if (!seen.add(name)) {
				twice.add(name);
			}
		});
		if (!twice.isEmpty()) {
			throw new ConfitureException(Category.CONFIG,
					"The tenant list (" + this.settings.origin() + ") names "
							+ String.join(", ", twice.stream().map(ConnectionSettings::sanitize).toList())
							+ " more than once; nothing was run",
					"Make each tenant appear once (e.g. SELECT DISTINCT)");
		}
	}

	private List<Tenant> schemas(List<String> names) {
		List<String> invalid = names.stream().filter((name) -> !SCHEMA_NAME.matcher(name).matches()).toList();
		if (!invalid.isEmpty()) {
			throw new ConfitureException(Category.CONFIG,
					"Not a tenant schema name: " + String.join(", ", invalid) + " (" + this.settings.origin() + ")",
					"Tenant schemas use lower-case letters, digits, '_' and '$' (not first), at most 63 characters");
		}
		if (this.settings.source() != TenantSettings.Source.LIKE) {
			Set<String> missing = new LinkedHashSet<>(names);
			missing.removeAll(existingSchemas(names));
			if (!missing.isEmpty()) {
				throw new ConfitureException(Category.CONFIG,
						"Tenant schema" + ((missing.size() > 1) ? "s " : " ") + String.join(", ", missing)
								+ " listed by " + this.settings.origin() + " do" + ((missing.size() > 1) ? "" : "es")
								+ " not exist in " + this.database + "; nothing was run",
						"Create the tenant first, or remove it from the list");
			}
		}
		String server = this.database.server();
		return names.stream()
			.sorted()
			.map((name) -> new Tenant(name, name, server, this.database.connections(), this.database.description()))
			.toList();
	}

	private Set<String> existingSchemas(List<String> names) {
		try (Connection connection = this.database.connections().open();
				PreparedStatement statement = connection
					.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname = ANY (?)")) {
			statement.setArray(1, connection.createArrayOf("text", names.toArray()));
			return new LinkedHashSet<>(strings(statement.executeQuery()));
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not read the schemas of " + this.database + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and reachable", ex);
		}
	}

	private List<Tenant> databases(List<String> urls) {
		List<ConnectionSettings> databases = new ArrayList<>();
		for (String url : urls) {
			ConnectionSettings parsed;
			try {
				parsed = ConnectionSettings.parse(url, null, null);
			}
			catch (ConfitureException ex) {
				throw new ConfitureException(
						Category.CONFIG, "Tenant '" + ConnectionSettings.sanitize(url) + "' listed by "
								+ this.settings.origin() + " is not a PostgreSQL URL",
						"List URLs such as jdbc:postgresql://host:5432/tenant");
			}
			ConnectionSettings home = this.database.settings();
			databases.add(new ConnectionSettings(parsed.jdbcUrl(),
					(parsed.user() != null || home == null) ? parsed.user() : home.user(),
					(parsed.password() != null || home == null) ? parsed.password() : home.password()));
		}
		Map<String, Integer> namesSeen = new HashMap<>();
		databases.forEach((database) -> namesSeen.merge(database.database(), 1, Integer::sum));
		List<Tenant> tenants = new ArrayList<>();
		for (ConnectionSettings database : databases) {
			String server = server(database.jdbcUrl());
			String name = (namesSeen.get(database.database()) > 1) ? server + "/" + database.database()
					: database.database();
			tenants.add(new Tenant(name, null, server, database, database.toString()));
		}
		tenants.sort(java.util.Comparator.comparing(Tenant::name));
		return tenants;
	}

	static String server(String jdbcUrl) {
		Matcher matcher = SERVER.matcher(jdbcUrl);
		return matcher.find() ? matcher.group(1) : jdbcUrl;
	}

	private static List<String> strings(ResultSet rows) throws SQLException {
		List<String> values = new ArrayList<>();
		try (rows) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
