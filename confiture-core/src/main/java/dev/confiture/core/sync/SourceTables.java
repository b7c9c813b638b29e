package dev.confiture.core.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.confiture.core.sync.SourceTable.SourceColumn;
import dev.confiture.core.internal.ConfitureTables;

/**
 * Reads the tables of a database that sync can copy: ordinary and partitioned tables (a
 * partition is copied through its parent), outside PostgreSQL's schemas and Confiture's
 * {@code confiture} schema, not owned by an extension, and not the history tables of
 * Confiture, Flyway or Liquibase.
 */
final class SourceTables {

	/** Tables that describe a database's history, never its data. */
	static final Set<String> HISTORY_TABLES = Set.of("confiture_migrations", "confiture_builds",
			ConfitureTables.SYNC_PROGRESS, "flyway_schema_history", "databasechangelog", "databasechangeloglock");

	private static final String TABLES = """
			SELECT c.oid, n.nspname || '.' || c.relname, quote_ident(n.nspname) || '.' || quote_ident(c.relname),
				c.relkind = 'p', greatest(c.reltuples, 0)::bigint, pg_total_relation_size(c.oid)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
				AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'confiture') AND n.nspname NOT LIKE 'pg\\_%'
				AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
					AND d.deptype = 'e')
			ORDER BY 2""";

	private static final String COLUMNS = """
			SELECT a.attrelid, a.attname, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
				col_description(a.attrelid, a.attnum)
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
			WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
			ORDER BY a.attrelid, a.attnum""";

	private static final String PRIMARY_KEYS = """
			SELECT i.indrelid, a.attname FROM pg_index i
			JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
			WHERE i.indisprimary ORDER BY i.indrelid, array_position(i.indkey::int2[], a.attnum)""";

	private static final String FOREIGN_KEYS = """
			SELECT DISTINCT c.conrelid, rn.nspname || '.' || r.relname
			FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
			WHERE c.contype = 'f' AND c.conparentid = 0""";

	private SourceTables() {
	}

	/**
	 * Reads every table that can be copied, by unquoted name.
	 * @param connection a connection to the database
	 * @return the tables, sorted by name
	 * @throws SQLException if a query fails
	 */
	static Map<String, SourceTable> read(Connection connection) throws SQLException {
		Map<Long, Draft> drafts = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery(TABLES)) {
				while (rows.next()) {
					String name = rows.getString(2);
					if (!HISTORY_TABLES.contains(name.substring(name.indexOf('.') + 1))) {
						drafts.put(rows.getLong(1), new Draft(name, rows.getString(3), rows.getBoolean(4),
								rows.getLong(5), rows.getLong(6)));
					}
				}
			}
			try (ResultSet rows = statement.executeQuery(COLUMNS)) {
				while (rows.next()) {
					Draft draft = drafts.get(rows.getLong(1));
					if (draft != null) {
						draft.columns.add(new SourceColumn(rows.getString(2), rows.getString(3), rows.getString(4),
								rows.getString(5)));
					}
				}
			}
			try (ResultSet rows = statement.executeQuery(PRIMARY_KEYS)) {
				while (rows.next()) {
					Draft draft = drafts.get(rows.getLong(1));
					if (draft != null) {
						draft.primaryKey.add(rows.getString(2));
					}
				}
			}
			try (ResultSet rows = statement.executeQuery(FOREIGN_KEYS)) {
				while (rows.next()) {
					Draft draft = drafts.get(rows.getLong(1));
					if (draft != null) {
						draft.references.add(rows.getString(2));
					}
				}
			}
		}
		Map<String, SourceTable> tables = new LinkedHashMap<>();
		for (Draft draft : drafts.values()) {
			tables.put(draft.name,
					new SourceTable(draft.name, draft.qualified, draft.partitioned, draft.rows, draft.bytes,
							List.copyOf(draft.columns), List.copyOf(draft.primaryKey), List.copyOf(draft.references)));
		}
		return tables;
	}

	private static final class Draft {

		final String name;

		final String qualified;

		final boolean partitioned;

		final long rows;

		final long bytes;

		final List<SourceColumn> columns = new ArrayList<>();

		final List<String> primaryKey = new ArrayList<>();

		final List<String> references = new ArrayList<>();

		Draft(String name, String qualified, boolean partitioned, long rows, long bytes) {
			this.name = name;
			this.qualified = qualified;
			this.partitioned = partitioned;
			this.rows = rows;
			this.bytes = bytes;
		}

	}

}
