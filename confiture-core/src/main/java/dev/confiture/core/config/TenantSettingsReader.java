package dev.confiture.core.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.confiture.core.config.ConfigMapping.Value;

/**
 * Reads the {@code tenants:} block of an environment.
 */
final class TenantSettingsReader {

	private static final List<String> KINDS = List.of("schemas", "databases");

	private static final List<String> SOURCES = List.of("like", "list", "query");

	private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

	private TenantSettingsReader() {
	}

	static TenantSettings read(ConfigMapping settings) {
		ConfigMapping tenants = settings.mapping("tenants", "schemas:");
		if (tenants == null) {
			return null;
		}
		tenants.requireKnownKeys(KINDS, "in the 'tenants' block");
		List<String> kinds = tenants.keys().stream().filter(tenants::contains).toList();
		if (kinds.size() != 1) {
			throw tenants.error(settings.keyLine("tenants"),
					"The 'tenants' block must have exactly one of 'schemas' or 'databases'"
							+ (kinds.isEmpty() ? "" : ", not both"),
					"Write 'tenants:' / '  schemas:' / '    like: tenant_%' for a schema per tenant, or "
							+ "'tenants:' / '  databases:' / '    query: SELECT jdbc_url FROM registry.tenants'");
		}
		String kindKey = kinds.get(0);
		TenantSettings.Kind kind = kindKey.equals("schemas") ? TenantSettings.Kind.SCHEMAS
				: TenantSettings.Kind.DATABASES;
		ConfigMapping block = tenants.mapping(kindKey, "like: tenant_%");
		block.requireKnownKeys(SOURCES, "in 'tenants." + kindKey + "'");
		List<String> sources = block.keys().stream().filter(block::contains).toList();
		if (sources.size() != 1) {
			throw block.error(tenants.keyLine(kindKey),
					"'tenants." + kindKey + "' must have exactly one of 'like', 'list' or 'query'",
					"Write 'like: tenant_%', 'list: [acme, globex]' or 'query: SELECT name FROM registry.tenants'");
		}
		String sourceKey = sources.get(0);
		String origin = settings.file() + ":" + block.keyLine(sourceKey);
		if (sourceKey.equals("list")) {
			return new TenantSettings(kind, TenantSettings.Source.LIST, list(block, kind), origin);
		}
		Value value = block.scalar(sourceKey, sourceKey.equals("like") ? "a LIKE pattern" : "an SQL query");
		if (value.value().isBlank()) {
			throw block.error(value.line(), "'tenants." + kindKey + "." + sourceKey + "' is empty",
					sourceKey.equals("like") ? "Write a pattern such as tenant_%"
							: "Write a query whose first column names the tenants");
		}
		if (sourceKey.equals("like") && kind == TenantSettings.Kind.DATABASES) {
			throw block.error(value.line(), "'tenants.databases' cannot be listed with 'like'",
					"List the databases' URLs with 'list:' or 'query:'");
		}
		TenantSettings.Source source = sourceKey.equals("like") ? TenantSettings.Source.LIKE
				: TenantSettings.Source.QUERY;
		return new TenantSettings(kind, source, List.of(value.value().strip()), origin);
	}

	private static List<String> list(ConfigMapping block, TenantSettings.Kind kind) {
		List<String> names = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Value value : block.list("list", (kind == TenantSettings.Kind.SCHEMAS) ? "a schema name" : "a URL")) {
			String item = value.value().strip();
			if (kind == TenantSettings.Kind.SCHEMAS && !SCHEMA_NAME.matcher(item).matches()) {
				throw block.error(value.line(), "'" + item + "' in 'tenants.schemas.list' is not a schema name",
						"Use lower-case letters, digits, '_' and '$' (not first), at most 63 characters");
			}
			if (kind == TenantSettings.Kind.DATABASES) {
				try {
					ConnectionSettings.parse(item, null, null);
				}
				catch (RuntimeException ex) {
					throw block.error(
							value.line(), "Item of 'tenants.databases.list' is not a PostgreSQL URL: '"
									+ EnvironmentReader.mask(item) + "'",
							"Write a URL such as jdbc:postgresql://host:5432/tenant");
				}
			}
			if (!seen.add(item)) {
				throw block
					.error(value.line(),
							"'tenants." + ((kind == TenantSettings.Kind.SCHEMAS) ? "schemas" : "databases")
									+ ".list' names '" + EnvironmentReader.mask(item) + "' twice",
							"Remove one of them");
			}
			names.add(item);
		}
		if (names.isEmpty()) {
			throw block.error(block.keyLine("list"), "The tenant list is empty", "Name at least one tenant");
		}
		return names;
	}

}
