package dev.confiture.core.lint;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of {@code migrate lint}, each with a stable id, a severity and the safe
 * alternative.
 */
public enum LintRule {

	/** A table or its indexes are rewritten under an ACCESS EXCLUSIVE lock. */
	TABLE_REWRITE("table-rewrite", LintSeverity.ERROR,
			"Add a new column of the wanted type (nullable, no volatile default), backfill it in batches, then "
					+ "switch reads and drop the old column in a later release"),

	/** A constraint or NOT NULL is checked by scanning the whole table under a lock. */
	SCAN_UNDER_LOCK("scan-under-lock", LintSeverity.ERROR,
			"Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a later statement (SHARE UPDATE EXCLUSIVE "
					+ "lock only); for SET NOT NULL first add and validate CHECK (col IS NOT NULL); for a primary key "
					+ "or unique constraint, CREATE UNIQUE INDEX CONCURRENTLY then ADD ... USING INDEX"),

	/**
	 * An index is built, dropped or rebuilt without CONCURRENTLY on an existing table.
	 */
	INDEX_WITHOUT_CONCURRENTLY("index-without-concurrently", LintSeverity.ERROR,
			"Use CREATE INDEX CONCURRENTLY, DROP INDEX CONCURRENTLY or REINDEX ... CONCURRENTLY, alone in a migration "
					+ "(it then runs outside a transaction)"),

	/** CONCURRENTLY placed inside an explicit transaction block. */
	CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", LintSeverity.ERROR,
			"Remove BEGIN/COMMIT and put the CONCURRENTLY statement alone in its own migration"),

	/** A table is dropped. */
	DROP_TABLE("drop-table", LintSeverity.ERROR,
			"Stop using the table in a release first; drop it in a later migration once no running code reads it"),

	/** A column is dropped. */
	DROP_COLUMN("drop-column", LintSeverity.ERROR,
			"Stop reading and writing the column in a release first; drop it in a later migration"),

	/** A table is renamed. */
	RENAME_TABLE("rename-table", LintSeverity.ERROR,
			"Create the new table (or a view with the old name over it) and move readers over several releases"),

	/** A column is renamed. */
	RENAME_COLUMN("rename-column", LintSeverity.ERROR,
			"Add the new column, write both, backfill, move readers, then drop the old column in a later release"),

	/** A NOT NULL column without a default is added to an existing table. */
	ADD_COLUMN_NOT_NULL("add-column-not-null", LintSeverity.ERROR,
			"Add the column with a constant DEFAULT (no rewrite since PostgreSQL 11), or nullable, backfill, then "
					+ "add CHECK (col IS NOT NULL) NOT VALID, validate it and SET NOT NULL"),

	/** An enum type loses a value or its values change order. */
	ENUM_VALUE_REMOVED("enum-value-removed", LintSeverity.ERROR,
			"Only add values (ALTER TYPE ... ADD VALUE); stop using a value in code and data instead of removing it"),

	/** A value added by ALTER TYPE ... ADD VALUE is used in the same transaction. */
	ENUM_VALUE_USED_IN_TRANSACTION("enum-value-used-in-transaction", LintSeverity.ERROR,
			"Put ALTER TYPE ... ADD VALUE in its own migration and use the value in a later one"),

	/** VACUUM FULL rewrites a table under an ACCESS EXCLUSIVE lock. */
	VACUUM_FULL("vacuum-full", LintSeverity.ERROR,
			"Use plain VACUUM, or pg_repack / pg_squeeze to reclaim space online"),

	/** CLUSTER rewrites a table under an ACCESS EXCLUSIVE lock. */
	CLUSTER("cluster", LintSeverity.ERROR, "Use pg_repack to reorder a table online, or leave it to autovacuum"),

	/** LOCK TABLE in a mode that blocks writes. */
	LOCK_TABLE("lock-table", LintSeverity.ERROR,
			"Remove the explicit lock; if it is needed, keep the transaction short and set lock_timeout"),

	/** TRUNCATE, or DELETE/UPDATE without WHERE, on an existing table. */
	DML_WITHOUT_WHERE("dml-without-where", LintSeverity.ERROR,
			"Add a WHERE clause, and change large tables in batches (for example by key ranges) in separate "
					+ "transactions"),

	/** A statement fails on the schema it starts from. */
	STATEMENT_FAILS("statement-fails", LintSeverity.ERROR, "Fix the statement; it would fail in production too"),

	/**
	 * ACCESS EXCLUSIVE on an existing table without lock_timeout set in the migration.
	 */
	MISSING_LOCK_TIMEOUT("missing-lock-timeout", LintSeverity.WARNING,
			"Start the migration with SET lock_timeout = '5s' (or the -- confiture:lock-timeout=5s marker) so it "
					+ "fails fast instead of queueing every query behind it"),

	/** An integer identity or serial key. */
	PREFER_BIGINT_IDENTITY("prefer-bigint-identity", LintSeverity.WARNING,
			"Use bigint GENERATED ALWAYS AS IDENTITY; int keys run out at 2.1 billion"),

	/** timestamp without time zone. */
	PREFER_TIMESTAMPTZ("prefer-timestamptz", LintSeverity.WARNING,
			"Use timestamptz: it stores an instant; timestamp loses the zone"),

	/** varchar(n). */
	PREFER_TEXT("prefer-text", LintSeverity.WARNING,
			"Use text (with a CHECK (length(col) <= n) if a limit is needed); changing n later takes a lock");

	private final String id;

	private final LintSeverity severity;

	private final String alternative;

	LintRule(String id, LintSeverity severity, String alternative) {
		this.id = id;
		this.severity = severity;
		this.alternative = alternative;
	}

	/** The stable id used in reports and suppressions, such as {@code table-rewrite}. */
	public String id() {
		return this.id;
	}

	/** The severity. */
	public LintSeverity severity() {
		return this.severity;
	}

	/** The safe alternative. */
	public String alternative() {
		return this.alternative;
	}

	/**
	 * The rule with the given id.
	 * @param id a rule id, case-insensitive
	 * @return the rule, or empty
	 */
	public static Optional<LintRule> of(String id) {
		String wanted = id.toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter((rule) -> rule.id.equals(wanted)).findFirst();
	}

}
