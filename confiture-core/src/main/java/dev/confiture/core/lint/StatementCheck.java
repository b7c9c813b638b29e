package dev.confiture.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.confiture.core.sql.SqlStatement;

/**
 * Reads one statement's text: the candidates of the rules it may break, its main target
 * and the lock PostgreSQL's documentation gives for it, and what it creates. Never runs
 * anything.
 */
final class StatementCheck {

	static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";

	private static final Set<String> VOLATILE_FUNCTIONS = Set.of("RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V4",
			"UUID_GENERATE_V1", "UUIDV4", "UUIDV7", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL", "TXID_CURRENT");

	private static final Pattern VOLATILE_CALL = Pattern
		.compile("\\b(" + String.join("|", VOLATILE_FUNCTIONS) + ")\\s*\\(");

	private static final Pattern TIMESTAMPTZ = Pattern
		.compile("(?s)TIMESTAMP\\s*(\\(\\s*\\d+\\s*\\))?\\s*WITH\\s+TIME\\s+ZONE.*");

	private static final Pattern VARCHAR = Pattern.compile("(?s)(VARCHAR|CHARACTER\\s+VARYING)\\s*\\(.*");

	private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN",
			"EXCLUDE", "LIKE");

	final List<Candidate> candidates = new ArrayList<>();

	/** The table (or index) the statement works on, or {@code null}. */
	String target;

	boolean targetIsIndex;

	/** The documented lock on the target, for statements that were not measured. */
	String lockMode;

	String createdTable;

	String createdIndex;

	boolean setsLockTimeout;

	boolean concurrently;

	final List<String> addedEnumLabels = new ArrayList<>();

	boolean transactionControl;

	private StatementCheck() {
	}

	static StatementCheck of(SqlStatement statement) {
		StatementCheck check = new StatementCheck();
		check.read(Tokens.of(statement.sql()));
		return check;
	}

	private void read(Tokens t) {
		if (t.is("ALTER", "TABLE")) {
			t.skip("ALTER", "TABLE");
			t.skip("IF", "EXISTS");
			t.skip("ONLY");
			this.target = t.name();
			if (t.isSymbol('*')) {
				t.next();
			}
			this.lockMode = ACCESS_EXCLUSIVE;
			if (this.target != null) {
				t.splitAtCommas().forEach(this::alterAction);
			}
		}
		else if (t.is("CREATE")) {
			create(t);
		}
		else if (t.skip("DROP", "TABLE")) {
			t.skip("IF", "EXISTS");
			for (String table : t.names()) {
				this.candidates.add(Candidate.onExisting(LintRule.DROP_TABLE, table,
						"DROP TABLE " + table + " deletes its data and breaks the release still running"));
			}
			this.lockMode = ACCESS_EXCLUSIVE;
		}
		else if (t.skip("DROP", "INDEX")) {
			this.concurrently = t.skip("CONCURRENTLY");
			t.skip("IF", "EXISTS");
			List<String> names = t.names();
			this.target = names.isEmpty() ? null : names.get(0);
			this.targetIsIndex = true;
			this.lockMode = this.concurrently ? null : ACCESS_EXCLUSIVE;
			if (!this.concurrently && this.target != null) {
				this.candidates.add(new Candidate(LintRule.INDEX_WITHOUT_CONCURRENTLY, this.target, true, true,
						"DROP INDEX " + this.target + " without CONCURRENTLY blocks reads and writes of its table",
						null));
			}
		}
		else if (t.skip("REINDEX")) {
			reindex(t);
		}
		else if (t.skip("VACUUM")) {
			Tokens options = t.parenthesized();
			boolean full = t.skip("FULL") || (options != null && options.contains("FULL"));
			t.skip("FREEZE");
			t.skip("VERBOSE");
			t.skip("ANALYZE");
			List<String> names = t.names();
			if (full) {
				String table = names.isEmpty() ? null : names.get(0);
				this.target = table;
				this.lockMode = ACCESS_EXCLUSIVE;
				this.candidates.add(new Candidate(
						LintRule.VACUUM_FULL, table, false, table != null, "VACUUM FULL "
								+ ((table != null) ? table : "(every table)") + " rewrites under ACCESS EXCLUSIVE",
						null));
			}
		}
		else if (t.skip("CLUSTER")) {
			t.skip("VERBOSE");
			String table = t.name();
			this.target = table;
			this.lockMode = ACCESS_EXCLUSIVE;
			this.candidates.add(new Candidate(LintRule.CLUSTER, table, false, table != null, "CLUSTER "
					+ ((table != null) ? table : "(every clustered table)") + " rewrites under ACCESS EXCLUSIVE",
					null));
		}
		else if (t.skip("LOCK")) {
			lock(t);
		}
		else if (t.skip("TRUNCATE")) {
			t.skip("TABLE");
			for (String table : t.names()) {
				this.target = (this.target != null) ? this.target : table;
				this.candidates.add(Candidate.onExisting(LintRule.DML_WITHOUT_WHERE, table,
						"TRUNCATE " + table + " deletes every row under ACCESS EXCLUSIVE"));
			}
			this.lockMode = ACCESS_EXCLUSIVE;
		}
		else if (t.skip("DELETE", "FROM") || t.skip("UPDATE")) {
			boolean delete = t.position() == 2;
			t.skip("ONLY");
			String table = t.name();
			this.target = table;
			this.lockMode = "RowExclusiveLock";
			if (table != null && !t.containsAtTopLevel("WHERE")) {
				this.candidates.add(Candidate.onExisting(LintRule.DML_WITHOUT_WHERE, table,
						(delete ? "DELETE FROM " : "UPDATE ") + table + " without WHERE "
								+ (delete ? "deletes" : "locks and rewrites") + " every row in one transaction"));
			}
		}
		else if (t.skip("ALTER", "TYPE")) {
			t.name();
			if (t.skip("ADD", "VALUE")) {
				t.skip("IF", "NOT", "EXISTS");
				this.addedEnumLabels.addAll(t.strings().stream().limit(1).toList());
			}
		}
		else if (t.skip("SET") || t.skip("RESET")) {
			t.skip("LOCAL");
			t.skip("SESSION");
			this.setsLockTimeout = t.is("LOCK_TIMEOUT");
		}
		else if (t.is("BEGIN") || t.is("START", "TRANSACTION") || t.is("COMMIT") || t.is("END")) {
			this.transactionControl = true;
		}
	}

	private void create(Tokens t) {
		t.skip("CREATE");
		t.skip("OR", "REPLACE");
		t.skip("UNIQUE");
		if (t.skip("INDEX")) {
			this.concurrently = t.skip("CONCURRENTLY");
			t.skip("IF", "NOT", "EXISTS");
			if (!t.is("ON")) {
				this.createdIndex = t.name();
			}
			if (t.skip("ON")) {
				t.skip("ONLY");
				this.target = t.name();
				this.lockMode = this.concurrently ? "ShareUpdateExclusiveLock" : "ShareLock";
				if (!this.concurrently && this.target != null) {
					this.candidates.add(Candidate.onExisting(LintRule.INDEX_WITHOUT_CONCURRENTLY, this.target,
							"CREATE INDEX on " + this.target + " without CONCURRENTLY blocks writes while it builds"));
				}
			}
			return;
		}
		while (t.skip("TEMP") || t.skip("TEMPORARY") || t.skip("UNLOGGED") || t.skip("GLOBAL") || t.skip("LOCAL")) {
			// modifiers
		}
		if (t.skip("TABLE")) {
			t.skip("IF", "NOT", "EXISTS");
			this.createdTable = t.name();
			Tokens columns = t.parenthesized();
			if (columns != null) {
				for (Tokens element : columns.splitAtCommas()) {
					if (!TABLE_CONSTRAINTS.contains(element.word())) {
						String column = element.name();
						if (column != null) {
							typePreferences(this.createdTable, column, element);
						}
					}
				}
			}
		}
	}

	private void reindex(Tokens t) {
		Tokens options = t.parenthesized();
		boolean concurrent = options != null && options.contains("CONCURRENTLY");
		boolean index = t.skip("INDEX");
		if (!index && !t.skip("TABLE")) {
			return;
		}
		concurrent |= t.skip("CONCURRENTLY");
		this.concurrently = concurrent;
		this.target = t.name();
		this.targetIsIndex = index;
		this.lockMode = concurrent ? "ShareUpdateExclusiveLock" : ACCESS_EXCLUSIVE;
		if (!concurrent && this.target != null) {
			this.candidates.add(new Candidate(LintRule.INDEX_WITHOUT_CONCURRENTLY, this.target, index, true,
					"REINDEX " + (index ? "INDEX " : "TABLE ") + this.target
							+ " without CONCURRENTLY blocks writes (and reads that use the index) while it rebuilds",
					null));
		}
	}

	private void lock(Tokens t) {
		t.skip("TABLE");
		List<String> tables = t.names();
		String mode = "ACCESS EXCLUSIVE";
		if (t.skip("IN")) {
			StringBuilder words = new StringBuilder();
			while (!t.atEnd() && !t.is("MODE")) {
				words.append((words.length() > 0) ? " " : "").append(t.next().text().toUpperCase(Locale.ROOT));
			}
			mode = words.toString();
		}
		this.lockMode = mode;
		if (Set.of("ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE").contains(mode)) {
			return;
		}
		for (String table : tables) {
			this.target = (this.target != null) ? this.target : table;
			this.candidates.add(Candidate.onExisting(LintRule.LOCK_TABLE, table,
					"LOCK TABLE " + table + " IN " + mode + " MODE blocks "
							+ (mode.equals("ACCESS EXCLUSIVE") ? "reads and writes" : "writes") + " until commit"));
		}
	}

	private void alterAction(Tokens action) {
		String table = this.target;
		if (action.skip("ADD")) {
			if (TABLE_CONSTRAINTS.contains(action.word())) {
				addConstraint(table, action);
				return;
			}
			action.skip("COLUMN");
			action.skip("IF", "NOT", "EXISTS");
			String column = action.name();
			if (column != null) {
				addColumn(table, column, action);
			}
		}
		else if (action.skip("ALTER")) {
			action.skip("COLUMN");
			String column = action.name();
			if (column == null) {
				return;
			}
			if (action.skip("SET", "DATA", "TYPE") || action.skip("TYPE")) {
				String type = action.text();
				this.candidates.add(Candidate.onExisting(LintRule.TABLE_REWRITE, table, "ALTER COLUMN " + column
						+ " TYPE " + type + " rewrites " + table + " and rebuilds its indexes under ACCESS EXCLUSIVE"));
				typePreferences(table, column, action);
			}
			else if (action.skip("SET", "NOT", "NULL")) {
				this.candidates.add(new Candidate(LintRule.SCAN_UNDER_LOCK, table, false, true,
						"ALTER COLUMN " + column + " SET NOT NULL scans " + table
								+ " under ACCESS EXCLUSIVE (no validated CHECK (" + column
								+ " IS NOT NULL) to rely on)",
						column));
			}
		}
		else if (action.skip("SET", "LOGGED") || action.skip("SET", "UNLOGGED")) {
			this.candidates.add(Candidate.onExisting(LintRule.TABLE_REWRITE, table,
					"SET LOGGED/UNLOGGED rewrites " + table + " under ACCESS EXCLUSIVE"));
		}
		else if (action.skip("DROP")) {
			if (action.is("CONSTRAINT") || action.is("EXPRESSION") || action.is("IDENTITY")) {
				return;
			}
			action.skip("COLUMN");
			action.skip("IF", "EXISTS");
			String column = action.name();
			if (column != null) {
				this.candidates.add(Candidate.onExisting(LintRule.DROP_COLUMN, table, "DROP COLUMN " + column + " of "
						+ table + " deletes its data and breaks the release still running if it reads the column"));
			}
		}
		else if (action.skip("RENAME")) {
			if (action.skip("TO")) {
				this.candidates.add(Candidate.onExisting(LintRule.RENAME_TABLE, table, "RENAME " + table + " TO "
						+ action.text() + " breaks the release still running, which uses the old name"));
			}
			else if (!action.is("CONSTRAINT")) {
				action.skip("COLUMN");
				String column = action.name();
				action.skip("TO");
				this.candidates.add(Candidate.onExisting(LintRule.RENAME_COLUMN, table, "RENAME COLUMN " + column
						+ " TO " + action.text() + " of " + table + " breaks the release still running"));
			}
		}
	}

	private void addConstraint(String table, Tokens action) {
		if (action.skip("CONSTRAINT")) {
			action.name();
		}
		String kind = action.word();
		switch (kind) {
			case "CHECK", "FOREIGN" -> {
				if (!action.contains("NOT", "VALID")) {
					String what = kind.equals("CHECK") ? "CHECK" : "FOREIGN KEY";
					this.candidates.add(Candidate.onExisting(LintRule.SCAN_UNDER_LOCK, table, "ADD " + what + " on "
							+ table + " without NOT VALID scans the table while holding a lock that blocks writes"));
				}
			}
			case "PRIMARY", "UNIQUE", "EXCLUDE" -> {
				if (!action.contains("USING", "INDEX")) {
					this.candidates.add(Candidate.onExisting(LintRule.SCAN_UNDER_LOCK, table,
							"ADD " + (kind.equals("PRIMARY") ? "PRIMARY KEY" : kind) + " on " + table
									+ " builds its index under ACCESS EXCLUSIVE"));
				}
			}
			default -> {
			}
		}
	}

	private void addColumn(String table, String column, Tokens definition) {
		boolean notNull = definition.contains("NOT", "NULL");
		boolean hasDefault = definition.containsAtTopLevel("DEFAULT");
		boolean identity = definition.contains("AS", "IDENTITY");
		boolean stored = definition.containsAtTopLevel("GENERATED") && definition.contains("STORED");
		String type = definition.word();
		boolean serial = type.endsWith("SERIAL") || type.equals("SERIAL2") || type.equals("SERIAL4")
				|| type.equals("SERIAL8");
		if (notNull && !hasDefault && !identity && !stored && !serial) {
			this.candidates.add(Candidate.onExisting(LintRule.ADD_COLUMN_NOT_NULL, table, "ADD COLUMN " + column
					+ " NOT NULL without a default fails on " + table + " as soon as it has rows"));
		}
		String rewrite = identity ? "an identity column"
				: stored ? "a stored generated column" : serial ? "a serial column (volatile nextval() default)"
						: volatileDefault(definition) ? "a volatile default" : null;
		if (rewrite != null) {
			this.candidates.add(Candidate.onExisting(LintRule.TABLE_REWRITE, table,
					"ADD COLUMN " + column + " with " + rewrite + " rewrites " + table + " under ACCESS EXCLUSIVE"));
		}
		typePreferences(table, column, definition);
	}

	private static boolean volatileDefault(Tokens definition) {
		String text = definition.text().toUpperCase(Locale.ROOT);
		int index = text.indexOf("DEFAULT");
		if (index < 0) {
			return false;
		}
		return VOLATILE_CALL.matcher(text.substring(index)).find();
	}

	private void typePreferences(String table, String column, Tokens definition) {
		String type = definition.text();
		String upper = type.toUpperCase(Locale.ROOT);
		String first = upper.split("[\\s(]", 2)[0];
		String object = table + "." + column;
		if (Set.of("SERIAL", "SERIAL4", "SMALLSERIAL", "SERIAL2").contains(first)
				|| (Set.of("INT", "INTEGER", "INT4", "SMALLINT", "INT2").contains(first)
						&& upper.contains("IDENTITY"))) {
			this.candidates.add(Candidate.always(LintRule.PREFER_BIGINT_IDENTITY, table,
					object + " is a " + first.toLowerCase(Locale.ROOT) + " key"));
		}
		if (first.equals("TIMESTAMP") && !TIMESTAMPTZ.matcher(upper).matches()) {
			this.candidates
				.add(Candidate.always(LintRule.PREFER_TIMESTAMPTZ, table, object + " is timestamp without time zone"));
		}
		if (VARCHAR.matcher(upper).matches()) {
			this.candidates.add(Candidate.always(LintRule.PREFER_TEXT, table,
					object + " is " + type.substring(0, type.indexOf(')') + 1).toLowerCase(Locale.ROOT)));
		}
	}

}
