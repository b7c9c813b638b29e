package dev.confiture.core.build;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a database already holds outside PostgreSQL's own schemas, leaving out
 * objects that belong to extensions (and sequences owned by a table column).
 */
public final class DatabaseContents {

	/**
	 * PostgreSQL's own schemas, and {@code confiture}, which holds coordination intents
	 * that neither make a database non-empty nor are dropped by {@code --drop-existing}.
	 */
	private static final String SYSTEM_SCHEMA = "(n.nspname IN ('pg_catalog', 'information_schema', 'confiture') "
			+ "OR n.nspname LIKE 'pg\\_toast%' OR n.nspname LIKE 'pg\\_temp\\_%')";

	private static final String NOT_EXTENSION_MEMBER = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = %s "
			+ "AND d.objid = %s AND d.deptype = 'e')";

	private static final String OBJECTS = "SELECT kind, name FROM ("
			+ "SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' "
			+ "WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' END AS kind, "
			+ "n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
			+ "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT " + SYSTEM_SCHEMA
			+ " AND NOT (c.relkind = 'S' "
			+ "AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
			+ "AND d.deptype IN ('a', 'i'))) AND " + NOT_EXTENSION_MEMBER.formatted("'pg_class'::regclass", "c.oid")
			+ " UNION ALL SELECT CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END, "
			+ "n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' "
			+ "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE NOT " + SYSTEM_SCHEMA + " AND "
			+ NOT_EXTENSION_MEMBER.formatted("'pg_proc'::regclass", "p.oid")
			+ " UNION ALL SELECT 'type', n.nspname || '.' || t.typname FROM pg_type t "
			+ "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype IN ('e', 'd', 'r', 'm') " + "AND NOT "
			+ SYSTEM_SCHEMA + " AND " + NOT_EXTENSION_MEMBER.formatted("'pg_type'::regclass", "t.oid")
			+ " UNION ALL SELECT 'schema', n.nspname FROM pg_namespace n WHERE NOT " + SYSTEM_SCHEMA
			+ " AND n.nspname <> 'public' AND " + NOT_EXTENSION_MEMBER.formatted("'pg_namespace'::regclass", "n.oid")
			+ ") objects ORDER BY kind = 'schema', kind <> 'table', kind, name";

	private static final String USER_SCHEMAS = "SELECT n.nspname FROM pg_namespace n WHERE NOT " + SYSTEM_SCHEMA
			+ " AND " + NOT_EXTENSION_MEMBER.formatted("'pg_namespace'::regclass", "n.oid") + " ORDER BY n.nspname";

	private DatabaseContents() {
	}

	/**
	 * Lists user objects as "kind name", e.g. {@code table public.users}.
	 * @param connection the connection
	 * @return the objects, empty for an empty database
	 * @throws SQLException on failure
	 */
	public static List<String> userObjects(Connection connection) throws SQLException {
		return query(connection, OBJECTS, true);
	}

	/**
	 * Lists the schemas a user made (including {@code public}).
	 * @param connection the connection
	 * @return schema names
	 * @throws SQLException on failure
	 */
	public static List<String> userSchemas(Connection connection) throws SQLException {
		return query(connection, USER_SCHEMAS, false);
	}

	private static List<String> query(Connection connection, String sql, boolean twoColumns) throws SQLException {
		List<String> result = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				result.add(twoColumns ? rows.getString(1) + " " + rows.getString(2) : rows.getString(1));
			}
		}
		return result;
	}

}
