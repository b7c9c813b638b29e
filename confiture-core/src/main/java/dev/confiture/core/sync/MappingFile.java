package dev.confiture.core.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.confiture.core.config.ConfigDocument;

/**
 * Reads the mapping of a schema-to-schema copy:
 *
 * <pre class="code">
 * tables:
 *   public.customers:                 # a target table
 *     from: public.users              # its source table
 *     join: JOIN public.profiles p ON p.user_id = users.id   # optional
 *     where: deleted_at IS NULL       # optional
 *     columns:
 *       id: id                        # a source column
 *       full_name: {sql: "first_name || ' ' || last_name"}   # an expression over the source row
 *       created_at: default           # the target's default
 * </pre>
 */
public final class MappingFile {

	private static final List<String> ROOT_KEYS = List.of("tables");

	private static final List<String> TABLE_KEYS = List.of("from", "join", "where", "columns");

	private MappingFile() {
	}

	/**
	 * Reads a mapping.
	 * @param file the YAML file
	 * @param variables the variables for {@code ${VAR}}
	 * @return the table mappings in file order
	 */
	public static List<TableMapping> load(Path file, Map<String, String> variables) {
		ConfigDocument document = ConfigDocument.read(file, variables);
		document.requireKnownKeys(ROOT_KEYS, "in a schema-to-schema mapping");
		ConfigDocument tables = document.mapping("tables", "public.customers: {from: public.users}");
		if (tables == null || tables.keys().isEmpty()) {
			throw document.error(document.line("tables"), "The mapping names no target table",
					"Add 'tables:' with one entry per target table, as in 'public.customers: {from: public.users}'");
		}
		List<TableMapping> mappings = new ArrayList<>();
		for (String target : tables.keys()) {
			ConfigDocument table = tables.mapping(target, "from: public.users");
			table.requireKnownKeys(TABLE_KEYS, "in the mapping of " + target);
			String from = table.string("from", "a source table");
			if (from == null) {
				throw tables.error(tables.line(target), "The mapping of " + target + " has no 'from'",
						"Name its source table, as in 'from: public.users'");
			}
			Map<String, String> columns = new LinkedHashMap<>();
			ConfigDocument columnsDocument = table.mapping("columns", "id: id");
			if (columnsDocument != null) {
				for (String column : columnsDocument.keys()) {
					if (columnsDocument.isMapping(column)) {
						ConfigDocument expression = columnsDocument.mapping(column, "sql: upper(name)");
						expression.requireKnownKeys(List.of("sql"), "in the mapping of column " + column);
						columns.put(column, TableMapping.SQL + expression.string("sql", "an SQL expression"));
					}
					else {
						String value = columnsDocument.string(column, "a source column, {sql: EXPRESSION} or default");
						columns.put(column, (value != null) ? value.strip() : TableMapping.DEFAULT);
					}
				}
			}
			mappings.add(new TableMapping(Anonymization.qualify(target), Anonymization.qualify(from.strip()),
					table.string("join", "a JOIN clause"), table.string("where", "a condition"), columns,
					tables.line(target)));
		}
		return mappings;
	}

}
