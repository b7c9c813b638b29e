package dev.confiture.core.config;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.config.ConfigMapping.Value;

/**
 * Turns the settings of one environment into an {@link Environment}, resolving paths and
 * the connection. The caller has already checked the keys.
 */
final class EnvironmentReader {

	/** Keys of an environment, in a file of its own or under {@code environments:}. */
	static final List<String> SETTINGS_KEYS = List.of("includes", "include_dirs", "schema_dirs", "exclude_dirs",
			"seeds", "database", "database_url", "migrations_dir", "tracking_table", "connect_timeout", "login_timeout",
			"socket_timeout", "tenants", "protected", "lint", "lint_measure", "lock_timeout", "statement_timeout",
			"lock_retries");

	private static final List<String> DATABASE_KEYS = List.of("host", "port", "database", "user", "password");

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

	private static final int MAX_IDENTIFIER_LENGTH = 63;

	private static final int DEFAULT_PORT = 5432;

	private static final String URL_FORMS = "postgresql://user:password@host:5432/database or "
			+ "jdbc:postgresql://host:5432/database";

	/**
	 * Reads an environment.
	 * @param name the environment name
	 * @param projectDirectory the project root, absolute
	 * @param settings the environment's settings
	 * @return the environment
	 */
	Environment read(String name, Path projectDirectory, ConfigMapping settings) {
		Base fileDirectory = new Base(settings.file().getParent(), "the directory of this file");
		Base project = new Base(projectDirectory, "the project root");
		if (settings.contains("include_dirs") && settings.contains("schema_dirs")) {
			throw settings.error(settings.keyLine("schema_dirs"),
					"Both 'include_dirs' and 'schema_dirs' are set (they mean the same)",
					"Merge the two lists into 'include_dirs'");
		}
		List<Path> includes = new ArrayList<>(paths(settings, "includes", fileDirectory, true));
		includes.addAll(paths(settings, "include_dirs", project, true));
		includes.addAll(paths(settings, "schema_dirs", project, true));
		List<Path> excludes = paths(settings, "exclude_dirs", project, false);
		List<Path> seeds = paths(settings, "seeds", fileDirectory, true);
		ConnectionSettings database = database(settings);
		if (database != null) {
			database = database.withTimeouts(timeouts(settings));
		}
		TenantSettingsReader.read(settings);
		MigrationSettingsReader.read(settings);
		Value migrations = settings.scalar("migrations_dir", "a path");
		Path migrationsDirectory = (migrations != null) ? path(settings, migrations, project, false)
				: projectDirectory.resolve("db").resolve("migrations");
		return new Environment(name, settings.file(), projectDirectory, includes, excludes, seeds, database,
				migrationsDirectory, trackingTable(settings), null, protectedFlag(settings));
	}

	private boolean protectedFlag(ConfigMapping settings) {
		Value value = settings.scalar("protected", "true or false");
		if (value == null) {
			return false;
		}
		return switch (value.value().strip().toLowerCase(java.util.Locale.ROOT)) {
			case "true", "yes", "on" -> true;
			case "false", "no", "off" -> false;
			default -> throw settings.error(value.line(),
					"'protected' must be true or false, not '"
							+ (value.substituted() ? "the value of a variable" : value.value()) + "'",
					"Write 'protected: true' for a database that must never be overwritten (production)");
		};
	}

	private List<Path> paths(ConfigMapping settings, String key, Base base, boolean mustExist) {
		List<Path> paths = new ArrayList<>();
		for (Value value : settings.list(key, "a path")) {
			paths.add(path(settings, value, base, mustExist));
		}
		return paths;
	}

	private Path path(ConfigMapping settings, Value value, Base base, boolean mustExist) {
		String relativeTo = "paths in '" + value.key() + "' are relative to " + base.description() + ", "
				+ base.directory();
		if (value.value().isBlank()) {
			throw settings.error(value.line(), "'" + value.key() + "' has an empty path" + fromVariables(value),
					"Write a directory path; " + relativeTo);
		}
		Path path;
		try {
			path = base.directory().resolve(value.value()).toAbsolutePath().normalize();
		}
		catch (InvalidPathException ex) {
			throw settings.error(value.line(), "'" + value.key() + "' has an invalid path '" + shown(value) + "' ("
					+ ex.getReason() + ")" + variables(value), "Write a directory path; " + relativeTo);
		}
		if (mustExist && !Files.exists(path)) {
			throw settings.error(value.line(),
					"Path '" + value.written() + "' in '" + value.key() + "' does not exist (resolved to " + path + ")",
					didYouMean(path) + "Create the directory or correct the path; " + relativeTo);
		}
		return path;
	}

	private static String didYouMean(Path missing) {
		Path parent = missing.getParent();
		if (parent == null || missing.getFileName() == null || !Files.isDirectory(parent)) {
			return "";
		}
		try (java.util.stream.Stream<Path> siblings = Files.list(parent)) {
			List<String> names = siblings.filter(Files::isDirectory)
				.map((sibling) -> sibling.getFileName().toString())
				.toList();
			String suggestion = Suggestions.closest(missing.getFileName().toString(), names);
			return (suggestion != null) ? "Did you mean '" + suggestion + "' (" + parent.resolve(suggestion) + ")? "
					: "";
		}
		catch (java.io.IOException ex) {
			return "";
		}
	}

	private ConnectionSettings database(ConfigMapping settings) {
		ConfigMapping block = settings.mapping("database", "host: localhost");
		if (block != null && settings.contains("database_url")) {
			throw settings.error(settings.keyLine("database_url"),
					"Both 'database_url' and a 'database' block (line " + settings.keyLine("database") + ") are set",
					"Keep only one of them: either database_url, or the database: block with host, port, "
							+ "database, user and password");
		}
		if (block != null) {
			return database(settings, block);
		}
		Value url = settings.scalar("database_url", "a URL");
		return (url != null) ? url(settings, url) : null;
	}

	private ConnectionSettings database(ConfigMapping settings, ConfigMapping block) {
		block.requireKnownKeys(DATABASE_KEYS, "in the 'database' block");
		Value host = block.scalar("host", "a host name");
		if (host != null && host.value().isBlank()) {
			throw block.error(host.line(), "'host' is empty" + fromVariables(host),
					"Write a host name, or leave 'host' out to use localhost");
		}
		Value database = block.scalar("database", "a database name");
		if (database == null || database.value().isBlank()) {
			int line = (database != null) ? database.line() : settings.keyLine("database");
			throw block.error(line,
					"The 'database' block names no database" + ((database != null) ? fromVariables(database) : ""),
					"Add the database name under 'database:', as in '  database: myapp_local'");
		}
		return ConnectionSettings.of((host != null) ? host.value().strip() : "localhost", port(block),
				database.value().strip(), optional(block.scalar("user", "a user name")),
				optional(block.scalar("password", "a password")));
	}

	private int port(ConfigMapping block) {
		Value port = block.scalar("port", "a port number");
		if (port == null) {
			return DEFAULT_PORT;
		}
		try {
			int number = Integer.parseInt(port.value().strip());
			if (number >= 1 && number <= 65535) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw block.error(port.line(),
				"'port' must be a number from 1 to 65535, not '" + shown(port) + "'" + variables(port),
				"Write a port number, as in 'port: 5432'");
	}

	private ConnectionSettings url(ConfigMapping settings, Value url) {
		String value = url.value().strip();
		if (value.isEmpty()) {
			throw settings.error(url.line(), "'database_url' is empty" + urlFromVariables(url),
					"Write a URL such as " + URL_FORMS);
		}
		try {
			return ConnectionSettings.parse(value, null, null);
		}
		catch (ConfitureException ex) {
			throw settings.error(url.line(),
					"'database_url' is not a PostgreSQL URL: '" + mask(value) + "'" + urlFromVariables(url),
					"Write a URL such as " + URL_FORMS);
		}
	}

	private ConnectionTimeouts timeouts(ConfigMapping settings) {
		Duration connect = duration(settings, "connect_timeout", false);
		Duration login = duration(settings, "login_timeout", false);
		Duration socket = duration(settings, "socket_timeout", true);
		return ConnectionTimeouts.DEFAULTS.with(connect, login, socket);
	}

	private Duration duration(ConfigMapping settings, String key, boolean zeroMeansNone) {
		Value value = settings.scalar(key, "a duration");
		if (value == null) {
			return null;
		}
		Duration duration = null;
		try {
			duration = Durations.parse(value.value());
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (duration == null || duration.isNegative() || (duration.isZero() && !zeroMeansNone)) {
			throw settings.error(value.line(),
					"'" + key + "' must be a "
							+ (zeroMeansNone ? "positive duration or 0 for none" : "positive duration") + ", not '"
							+ shown(value) + "'" + variables(value),
					"Write a duration such as 500ms, 10s or 2m");
		}
		return duration;
	}

	private String trackingTable(ConfigMapping settings) {
		Value table = settings.scalar("tracking_table", "a table name");
		if (table == null) {
			return Environment.DEFAULT_TRACKING_TABLE;
		}
		String name = table.value().strip();
		String[] parts = name.split("\\.", -1);
		boolean valid = parts.length <= 2;
		for (String part : parts) {
			valid = valid && IDENTIFIER.matcher(part).matches() && part.length() <= MAX_IDENTIFIER_LENGTH;
		}
		if (!valid) {
			throw settings.error(table.line(),
					"'tracking_table' must be a table name, optionally schema-qualified, not '" + shown(table) + "'"
							+ variables(table),
					"Use letters, digits, '_' and '$' (not first), at most 63 per name, as in "
							+ Environment.DEFAULT_TRACKING_TABLE + " or ops." + Environment.DEFAULT_TRACKING_TABLE);
		}
		return name;
	}

	private static String optional(Value value) {
		return (value != null && !value.value().isEmpty()) ? value.value() : null;
	}

	/**
	 * A value for a message: as written when it references variables, because a variable
	 * may hold a secret; as read otherwise.
	 */
	private static String shown(Value value) {
		return value.substituted() ? value.written() : value.value();
	}

	private static String variables(Value value) {
		return value.substituted() ? " (the value of the variables is not shown; check what they hold)" : "";
	}

	private static String fromVariables(Value value) {
		return value.substituted() ? " after substituting variables in '" + value.written() + "'" : "";
	}

	private static String urlFromVariables(Value value) {
		return value.substituted() ? " after substituting variables in '" + mask(value.written()) + "'" : "";
	}

	/**
	 * Hides what may be credentials in a URL that could not be parsed: everything between
	 * the scheme and the last {@code @}, and any {@code password=} parameter.
	 */
	static String mask(String url) {
		String masked = url;
		int at = masked.lastIndexOf('@');
		if (at >= 0) {
			int scheme = masked.indexOf("://");
			int start = (scheme >= 0 && scheme < at) ? scheme + 3 : 0;
			masked = masked.substring(0, start) + "****" + masked.substring(at);
		}
		return ConnectionSettings.sanitize(masked);
	}

	private record Base(Path directory, String description) {
	}

}
