package dev.confiture.core.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a tenant as sorted lines of PostgreSQL's own canonical text: relations and
 * columns (type, nullability, default), constraints, indexes, views, routines and
 * triggers. Confiture's own tables are left out, and in a schema tenant the schema's name
 * is removed, so that two tenants built from the same files read the same lines.
 */
final class Structure {

	/**
	 * The schemas read, their relations ({@code rel}) and routines ({@code routine}) when
	 * the whole database is read: found by scanning the catalogs.
	 */
	private static final String EVERY_SCHEMA = """
			WITH ns AS (
			  SELECT oid, nspname FROM pg_namespace
			  WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND nspname NOT LIKE 'pg\\_%'),
			rel AS (
			  SELECT c.oid, c.relname, c.relkind, ns.nspname FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
			  WHERE <relation filter>),
			routine AS (
			  SELECT p.oid, p.proname, p.prokind, ns.nspname FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace)
			""";

	/**
	 * The same for one schema: found from the schema's own entries in {@code pg_depend}
	 * (every relation, composite type and routine depends on its schema), through
	 * indexes, so that reading one schema does not scan the catalogs of every other
	 * tenant ({@code pg_class} has no index on {@code relnamespace}).
	 */
	private static final String ONE_SCHEMA = """
			WITH ns AS (SELECT oid, nspname FROM pg_namespace WHERE nspname = ?),
			member AS (
			  SELECT d.classid, d.objid FROM ns JOIN pg_depend d ON d.refclassid = 'pg_namespace'::regclass
			    AND d.refobjid = ns.oid AND d.refobjsubid = 0 AND d.objsubid = 0
			    AND d.classid IN ('pg_class'::regclass, 'pg_type'::regclass, 'pg_proc'::regclass)),
			rel AS (
			  SELECT c.oid, c.relname, c.relkind, ns.nspname FROM (
			    SELECT m.objid AS oid FROM member m WHERE m.classid = 'pg_class'::regclass
			    UNION
			    SELECT t.typrelid FROM member m JOIN pg_type t ON t.oid = m.objid
			    WHERE m.classid = 'pg_type'::regclass AND t.typrelid <> 0) o
			  JOIN pg_class c ON c.oid = o.oid JOIN ns ON ns.oid = c.relnamespace
			  WHERE <relation filter>),
			routine AS (
			  SELECT p.oid, p.proname, p.prokind, ns.nspname FROM member m JOIN pg_proc p ON p.oid = m.objid
			  JOIN ns ON ns.oid = p.pronamespace WHERE m.classid = 'pg_proc'::regclass)
			""";

	private static final String RELATION_FILTER = """
			c.relname NOT LIKE 'confiture\\_%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
			    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			      AND d.deptype = 'e')""";

	private static final String LINES = """
			SELECT line FROM (
			  SELECT 'relation ' || rel.nspname || '.' || rel.relname || ' ' || rel.relkind::text AS line FROM rel
			  UNION ALL
			  SELECT 'column ' || rel.nspname || '.' || rel.relname || '.' || a.attname || ' '
			    || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
			    || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
			  FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
			  LEFT JOIN pg_attrdef ad ON ad.adrelid = rel.oid AND ad.adnum = a.attnum
			  WHERE rel.relkind <> 'S'
			  UNION ALL
			  SELECT 'constraint ' || rel.nspname || '.' || rel.relname || ' ' || con.conname || ' '
			    || pg_get_constraintdef(con.oid)
			  FROM pg_constraint con JOIN rel ON rel.oid = con.conrelid
			  UNION ALL
			  SELECT 'index ' || rel.nspname || '.' || pg_get_indexdef(i.indexrelid)
			  FROM pg_index i JOIN rel ON rel.oid = i.indrelid
			  WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conrelid = i.indrelid
			    AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
			  UNION ALL
			  SELECT 'view ' || rel.nspname || '.' || rel.relname || ' ' || pg_get_viewdef(rel.oid)
			  FROM rel WHERE rel.relkind IN ('v', 'm')
			  UNION ALL
			  SELECT 'routine ' || routine.nspname || '.' || routine.proname || '('
			    || pg_get_function_identity_arguments(routine.oid) || ') '
			    || md5(replace(pg_get_functiondef(routine.oid), routine.nspname || '.', ''))
			  FROM routine
			  WHERE routine.prokind IN ('f', 'p')
			    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = routine.oid
			      AND d.deptype = 'e')
			  UNION ALL
			  SELECT 'trigger ' || rel.nspname || '.' || rel.relname || ' ' || pg_get_triggerdef(t.oid)
			  FROM pg_trigger t JOIN rel ON rel.oid = t.tgrelid WHERE NOT t.tgisinternal
			) lines""";

	private static final String EVERY_SCHEMA_SQL = EVERY_SCHEMA.replace("<relation filter>", RELATION_FILTER) + LINES;

	private static final String ONE_SCHEMA_SQL = ONE_SCHEMA.replace("<relation filter>", RELATION_FILTER) + LINES;

	private Structure() {
	}

	/**
	 * Reads the lines of one schema, or of every user schema.
	 * @param connection a connection to the tenant's database
	 * @param schema the schema, or {@code null} for the whole database
	 * @return the lines, sorted, with the schema's name removed when one is given
	 * @throws SQLException on database failure
	 */
	static Set<String> read(Connection connection, String schema) throws SQLException {
		Set<String> lines = new TreeSet<>();
		java.util.regex.Pattern qualifier = (schema != null) ? java.util.regex.Pattern.compile("(?<![A-Za-z0-9_$])(\""
				+ java.util.regex.Pattern.quote(schema) + "\"|" + java.util.regex.Pattern.quote(schema) + ")\\.")
				: null;
		try (PreparedStatement statement = connection
			.prepareStatement((schema != null) ? ONE_SCHEMA_SQL : EVERY_SCHEMA_SQL)) {
			if (schema != null) {
				statement.setString(1, schema);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String line = rows.getString(1);
					if (qualifier != null) {
						line = qualifier.matcher(line).replaceAll("");
					}
					lines.add(line);
				}
			}
		}
		return lines;
	}

	/**
	 * A short fingerprint of the lines.
	 * @param lines the lines
	 * @return a hex digest
	 */
	static String fingerprint(Set<String> lines) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			lines.forEach((line) -> {
				digest.update(line.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			});
			return HexFormat.of().formatHex(digest.digest(), 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Names what differs between what a tenant has and what it should have.
	 * @param actual the tenant's lines
	 * @param expected the lines it should have
	 * @return one entry per line missing or unexpected
	 */
	static List<String> differences(Set<String> actual, Set<String> expected) {
		List<String> differences = new ArrayList<>();
		expected.stream()
			.filter((line) -> !actual.contains(line))
			.forEach((line) -> differences.add("missing " + line));
		actual.stream()
			.filter((line) -> !expected.contains(line))
			.forEach((line) -> differences.add("unexpected " + line));
		return differences;
	}

}
