package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.sql.SqlStatement;

/**
 * The statements of a baseline proof that need not be sent, decided in one query before
 * anything runs: those PostgreSQL would certainly refuse because the object they create
 * already exists in the built schema, and those that set a column's default to the one it
 * already has (the expression reads exactly as PostgreSQL prints the column's default, so
 * it parses to the same one) or drop a default the column does not have. A statement is
 * decided this way only while every statement before it that does run can neither remove
 * nor rename an object nor change how names resolve (setting or dropping a column
 * default, a comment), a default only when no statement before it that runs set or
 * dropped that column's default, and only when the database has no event trigger (which
 * could do anything on any DDL). From the first other statement on, every statement is
 * sent and judged where it runs, as before.
 */
final class LeftOutStatements {

	private static final String LEADING_COMMENTS = "(?is)^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*";

	private static final String NAME = "(?:\"[^\".]+\"|[a-z_][a-z0-9_$]*)";

	/** {@code ALTER TABLE t ALTER [COLUMN] c SET DEFAULT ...} or {@code DROP DEFAULT}. */
	private static final Pattern DEFAULT = Pattern
		.compile(LEADING_COMMENTS + "ALTER\\s+TABLE\\s+(?:ONLY\\s+)?" + NAME + "(?:\\." + NAME
				+ ")?\\s+ALTER\\s+(?:COLUMN\\s+)?" + NAME + "\\s+(?:SET\\s+DEFAULT\\s|DROP\\s+DEFAULT\\s*$)");

	/**
	 * The parts of a default statement: the table, the column and the expression (none
	 * for {@code DROP DEFAULT}).
	 */
	private static final Pattern DEFAULT_PARTS = Pattern.compile(LEADING_COMMENTS + "ALTER\\s+TABLE\\s+(?:ONLY\\s+)?("
			+ NAME + "(?:\\." + NAME + ")?)\\s+ALTER\\s+(?:COLUMN\\s+)?(" + NAME
			+ ")\\s+(?:SET\\s+DEFAULT\\s+(.*?)|DROP\\s+DEFAULT)\\s*;?\\s*$");

	/** {@code COMMENT ON ...}. */
	private static final Pattern COMMENT = Pattern.compile(LEADING_COMMENTS + "COMMENT\\s+ON\\s");

	/**
	 * The same tests as {@code confiture_proof_once} in {@code baseline-proof.sql}, on
	 * the built schema, for every statement at once; then, for each default statement
	 * whose column exists, its number, the column's table and number, and whether the
	 * statement leaves the default as it is (a column that is no identity, not generated,
	 * of a table no other inherits from, whose default PostgreSQL prints as the
	 * statement's expression, or that has none to drop).
	 */
	private static final String LEFT_OUT = """
			SELECT EXISTS (SELECT FROM pg_event_trigger WHERE evtenabled <> 'D'),
				ARRAY(SELECT k::int FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS s(c, t, k)
				WHERE c IS NOT NULL AND CASE
					WHEN t IS NULL THEN EXISTS (SELECT FROM pg_class r WHERE r.oid = to_regclass(c)
						AND (strpos(c, '.') > 0 OR r.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())))
					WHEN left(c, 3) = '#c ' THEN EXISTS (SELECT FROM pg_attribute a
						WHERE a.attrelid = to_regclass(t) AND a.attnum > 0 AND NOT a.attisdropped
							AND a.attname = (parse_ident(substr(c, 4)))[1])
					WHEN left(c, 3) = '#k ' THEN EXISTS (SELECT FROM pg_constraint n
						WHERE n.conrelid = to_regclass(t) AND n.conname = (parse_ident(substr(c, 4)))[1])
					ELSE EXISTS (SELECT FROM pg_class r WHERE r.relname = (parse_ident(c))[1]
						AND r.relnamespace = (SELECT x.relnamespace FROM pg_class x WHERE x.oid = to_regclass(t)))
					END),
				ARRAY(SELECT k || ' ' || a.attrelid::bigint || ' ' || a.attnum || ' ' || (a.attidentity = ''
						AND a.attgenerated = '' AND NOT EXISTS (SELECT FROM pg_inherits h WHERE h.inhparent = a.attrelid)
						AND CASE WHEN e IS NULL THEN d.adbin IS NULL
							ELSE coalesce(pg_get_expr(d.adbin, d.adrelid) = e, false) END)
					FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS s(t, col, e, k)
					JOIN pg_attribute a ON a.attrelid = to_regclass(t) AND a.attnum > 0 AND NOT a.attisdropped
						AND a.attname = (parse_ident(col))[1]
					LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
					WHERE t IS NOT NULL)""";

	private LeftOutStatements() {
	}

	/**
	 * Which statements need not be sent: PostgreSQL would refuse each of them, where it
	 * runs in the sequence, because its object exists, or it would leave a column's
	 * default as it is.
	 * @param connection the build's connection, inside its transaction, on the built
	 * schema
	 * @param statements the statements, in the order they would run
	 * @param creates what each creates ({@link AllAtOnceProof#creates})
	 * @return for each statement, whether it is left out
	 * @throws SQLException on database failure
	 */
	static boolean[] of(Connection connection, List<SqlStatement> statements, List<String[]> creates)
			throws SQLException {
		boolean[] leftOut = new boolean[statements.size()];
		String[][] defaults = new String[3][statements.size()];
		boolean anyDefault = false;
		for (int i = 0; i < statements.size(); i++) {
			Matcher parts = DEFAULT_PARTS.matcher(statements.get(i).sql());
			if (keepsNames(statements.get(i).sql()) && parts.matches()) {
				defaults[0][i] = parts.group(1);
				defaults[1][i] = parts.group(2);
				defaults[2][i] = (parts.group(3) != null) ? parts.group(3).strip() : null;
				anyDefault = true;
			}
		}
		if (!anyDefault && creates.stream().allMatch((names) -> names[0] == null)) {
			return leftOut;
		}
		Set<Integer> refusedOnBuilt = new HashSet<>();
		Map<Integer, String> columns = new HashMap<>();
		Set<Integer> sameDefault = new HashSet<>();
		try (PreparedStatement query = connection.prepareStatement(LEFT_OUT)) {
			query.setArray(1, connection.createArrayOf("text", creates.stream().map((c) -> c[0]).toArray()));
			query.setArray(2, connection.createArrayOf("text", creates.stream().map((c) -> c[1]).toArray()));
			for (int part = 0; part < 3; part++) {
				query.setArray(3 + part, connection.createArrayOf("text", defaults[part]));
			}
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				if (rows.getBoolean(1)) {
					return leftOut;
				}
				for (Object number : (Object[]) rows.getArray(2).getArray()) {
					refusedOnBuilt.add(((Number) number).intValue() - 1);
				}
				for (Object row : (Object[]) rows.getArray(3).getArray()) {
					String[] fields = ((String) row).split(" ");
					int index = Integer.parseInt(fields[0]) - 1;
					columns.put(index, fields[1] + " " + fields[2]);
					if ("true".equals(fields[3])) {
						sameDefault.add(index);
					}
				}
			}
		}
		Set<String> defaultsChanged = new HashSet<>();
		for (int i = 0; i < statements.size(); i++) {
			if (refusedOnBuilt.contains(i) || (sameDefault.contains(i) && !defaultsChanged.contains(columns.get(i)))) {
				leftOut[i] = true;
			}
			else if (!keepsNames(statements.get(i).sql())) {
				break;
			}
			else if (columns.containsKey(i)) {
				defaultsChanged.add(columns.get(i));
			}
		}
		return leftOut;
	}

	/**
	 * Whether a statement can neither remove nor rename an object nor change how names
	 * resolve: a single column default set or dropped, or a comment.
	 */
	static boolean keepsNames(String sql) {
		if (COMMENT.matcher(sql).lookingAt()) {
			return true;
		}
		return DEFAULT.matcher(sql).lookingAt() && singleAction(sql);
	}

	/**
	 * Whether a statement has no comma outside parentheses and quotes (one
	 * {@code ALTER TABLE} action), no backslash, dollar quote or comment, and no second
	 * statement.
	 */
	private static boolean singleAction(String sql) {
		if (sql.indexOf('\\') >= 0) {
			return false;
		}
		int depth = 0;
		char quote = 0;
		for (int i = 0; i < sql.length(); i++) {
			char c = sql.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				continue;
			}
			switch (c) {
				case '\'', '"' -> quote = c;
				case '(' -> depth++;
				case ')' -> depth--;
				case ',' -> {
					if (depth == 0) {
						return false;
					}
				}
				case '$', ';' -> {
					return false;
				}
				case '-', '/' -> {
					if (i + 1 < sql.length() && (sql.charAt(i + 1) == '-' || sql.charAt(i + 1) == '*')) {
						return false;
					}
				}
				default -> {
				}
			}
		}
		return quote == 0 && depth == 0;
	}

}
