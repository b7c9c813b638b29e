package dev.confiture.core.lint;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule fires on its bad example and stays quiet on its good one and on a table
 * created in the same migration, measured on a shadow copy of a live database.
 */
class LintRulesTests {

	static final String LIVE_SCHEMA = """
			CREATE TABLE customers (id bigint PRIMARY KEY);
			CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2), note varchar(20), status text,
			    customer_id bigint);
			CREATE INDEX orders_status ON orders (status);
			CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
			CREATE TABLE people (id bigint PRIMARY KEY, feeling mood);
			INSERT INTO orders SELECT g, g, 'x', 'new' FROM generate_series(1, 2000) g;
			INSERT INTO customers SELECT g FROM generate_series(1, 10) g;
			ANALYZE orders;
			ANALYZE customers;
			""";

	static final String TIMEOUT = "SET lock_timeout = '5s';\n";

	static ScratchDatabase live;

	@TempDir
	Path root;

	@BeforeAll
	static void createLiveDatabase() {
		live = PostgresServers.shared().createDatabase();
		LintProject.execute(live, LIVE_SCHEMA);
	}

	@AfterAll
	static void dropLiveDatabase() {
		live.close();
	}

	static Stream<Example> examples() {
		return Stream.of(new Example(LintRule.TABLE_REWRITE,
				"ALTER TABLE orders ALTER COLUMN total TYPE bigint USING total::bigint;",
				"ALTER TABLE orders ALTER COLUMN note TYPE text;", "ALTER TABLE t ALTER COLUMN total TYPE bigint;"),
				new Example(LintRule.TABLE_REWRITE,
						"ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();",
						"ALTER TABLE orders ADD COLUMN region text DEFAULT 'eu';",
						"ALTER TABLE t ADD COLUMN token uuid DEFAULT gen_random_uuid();"),
				new Example(LintRule.SCAN_UNDER_LOCK,
						"ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0);",
						"ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0) NOT VALID;",
						"ALTER TABLE t ADD CONSTRAINT total_positive CHECK (total > 0);"),
				new Example(LintRule.SCAN_UNDER_LOCK, "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;",
						"ALTER TABLE orders ADD CONSTRAINT status_nn CHECK (status IS NOT NULL) NOT VALID;\n"
								+ "ALTER TABLE orders VALIDATE CONSTRAINT status_nn;\n"
								+ "ALTER TABLE orders ALTER COLUMN status SET NOT NULL;",
						"ALTER TABLE t ALTER COLUMN status SET NOT NULL;"),
				new Example(LintRule.SCAN_UNDER_LOCK,
						"ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers;",
						"ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers "
								+ "NOT VALID;",
						"ALTER TABLE t ADD CONSTRAINT t_customer FOREIGN KEY (customer_id) REFERENCES customers;"),
				new Example(LintRule.INDEX_WITHOUT_CONCURRENTLY, "CREATE INDEX orders_total ON orders (total);",
						"CREATE INDEX CONCURRENTLY orders_total ON orders (total);",
						"CREATE INDEX t_total ON t (total);"),
				new Example(LintRule.INDEX_WITHOUT_CONCURRENTLY, "DROP INDEX orders_status;",
						"DROP INDEX CONCURRENTLY orders_status;",
						"CREATE INDEX t_status ON t (status);\nDROP INDEX t_status;"),
				new Example(LintRule.CONCURRENTLY_IN_TRANSACTION,
						"BEGIN;\nCREATE INDEX CONCURRENTLY orders_total ON orders (total);\nCOMMIT;",
						"CREATE INDEX CONCURRENTLY orders_total ON orders (total);", null),
				new Example(LintRule.DROP_TABLE, "DROP TABLE customers;", "SELECT 1;", "DROP TABLE t;"),
				new Example(LintRule.DROP_COLUMN, "ALTER TABLE orders DROP COLUMN note;",
						"ALTER TABLE orders ADD COLUMN remark text;", "ALTER TABLE t DROP COLUMN note;"),
				new Example(LintRule.RENAME_TABLE, "ALTER TABLE customers RENAME TO clients;",
						"CREATE VIEW clients AS SELECT * FROM customers;", "ALTER TABLE t RENAME TO t2;"),
				new Example(LintRule.RENAME_COLUMN, "ALTER TABLE orders RENAME COLUMN note TO remark;",
						"ALTER TABLE orders ADD COLUMN remark text;", "ALTER TABLE t RENAME COLUMN note TO remark;"),
				new Example(LintRule.ADD_COLUMN_NOT_NULL, "ALTER TABLE orders ADD COLUMN region text NOT NULL;",
						"ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';",
						"ALTER TABLE t ADD COLUMN region text NOT NULL;"),
				new Example(LintRule.ENUM_VALUE_REMOVED,
						"ALTER TYPE mood RENAME TO mood_old;\nCREATE TYPE mood AS ENUM ('sad', 'happy');\n"
								+ "ALTER TABLE people ALTER COLUMN feeling TYPE mood USING feeling::text::mood;\n"
								+ "DROP TYPE mood_old;",
						"ALTER TYPE mood ADD VALUE 'great';", null),
				new Example(LintRule.ENUM_VALUE_USED_IN_TRANSACTION,
						"ALTER TYPE mood ADD VALUE 'great';\nUPDATE people SET feeling = 'great' WHERE id = 1;",
						"ALTER TYPE mood ADD VALUE 'great';", null),
				new Example(LintRule.VACUUM_FULL, "VACUUM FULL orders;", "VACUUM orders;", null),
				new Example(LintRule.CLUSTER, "CLUSTER orders USING orders_pkey;", "ANALYZE orders;",
						"CREATE INDEX t_total ON t (total);\nCLUSTER t USING t_total;"),
				new Example(LintRule.LOCK_TABLE, "LOCK TABLE orders;", "LOCK TABLE orders IN ACCESS SHARE MODE;",
						"LOCK TABLE t;"),
				new Example(LintRule.DML_WITHOUT_WHERE, "DELETE FROM orders;", "DELETE FROM orders WHERE id < 10;",
						"DELETE FROM t;"),
				new Example(LintRule.DML_WITHOUT_WHERE, "UPDATE orders SET status = 'old';",
						"UPDATE orders SET status = 'old' WHERE id BETWEEN 1 AND 1000;",
						"UPDATE t SET status = 'old';"),
				new Example(LintRule.DML_WITHOUT_WHERE, "TRUNCATE orders;", "DELETE FROM orders WHERE id < 10;",
						"TRUNCATE t;"),
				new Example(LintRule.STATEMENT_FAILS, "ALTER TABLE nowhere ADD COLUMN x int;",
						"ALTER TABLE orders ADD COLUMN x int;", null),
				new Example(LintRule.MISSING_LOCK_TIMEOUT, "ALTER TABLE orders ADD COLUMN region text;",
						"-- confiture:lock-timeout=5s\nALTER TABLE orders ADD COLUMN region text;",
						"ALTER TABLE t ADD COLUMN region text;"),
				new Example(LintRule.PREFER_BIGINT_IDENTITY,
						"CREATE TABLE invoices (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY);",
						"CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);", null),
				new Example(LintRule.PREFER_TIMESTAMPTZ, "ALTER TABLE orders ADD COLUMN shipped_at timestamp;",
						"ALTER TABLE orders ADD COLUMN shipped_at timestamptz;", null),
				new Example(LintRule.PREFER_TEXT, "CREATE TABLE notes (body varchar(200));",
						"CREATE TABLE notes (body text CHECK (length(body) <= 200));", null));
	}

	@ParameterizedTest
	@MethodSource("examples")
	void ruleFiresOnItsBadExample(Example example) {
		LintProject project = new LintProject(this.root, live);
		String before = LintProject.snapshot(live);
		LintResult result = project.lint(project.migration("001_bad.up.sql", example.bad()));
		assertThat(result.measured()).isTrue();
		assertThat(result.findings()).as(result.findings().toString())
			.filteredOn((finding) -> finding.rule() == example.rule())
			.isNotEmpty()
			.allSatisfy((finding) -> {
				assertThat(finding.file()).isEqualTo("db/migrations/001_bad.up.sql");
				assertThat(finding.line()).isPositive();
				assertThat(finding.severity()).isEqualTo(example.rule().severity());
				assertThat(finding.alternative()).isNotBlank();
			});
		assertThat(LintProject.snapshot(live)).as("the live database is only read").isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("examples")
	void ruleStaysQuietOnItsGoodExample(Example example) {
		LintProject project = new LintProject(this.root, live);
		LintResult result = project.lint(project.migration("001_good.up.sql", TIMEOUT + example.good()));
		assertThat(result.findings()).as(result.findings().toString())
			.noneMatch((finding) -> finding.rule() == example.rule())
			.noneMatch((finding) -> example.rule() != LintRule.STATEMENT_FAILS
					&& finding.rule() == LintRule.STATEMENT_FAILS);
	}

	@ParameterizedTest
	@MethodSource("examples")
	void tablesCreatedInTheSameMigrationAreExempt(Example example) {
		if (example.sameMigration() == null) {
			return;
		}
		LintProject project = new LintProject(this.root, live);
		LintResult result = project.lint(project.migration("001_new.up.sql",
				"CREATE TABLE t (id bigint PRIMARY KEY, total numeric, note text, status text, customer_id bigint);\n"
						+ example.sameMigration()));
		assertThat(result.findings()).as(result.findings().toString())
			.noneMatch((finding) -> finding.rule() == example.rule())
			.noneMatch((finding) -> finding.rule() == LintRule.STATEMENT_FAILS);
	}

	@ParameterizedTest
	@MethodSource("examples")
	void ruleFiresFromTheTextWithoutAShadowDatabase(Example example) {
		if (List.of(LintRule.ENUM_VALUE_REMOVED, LintRule.STATEMENT_FAILS).contains(example.rule())) {
			return;
		}
		LintProject project = new LintProject(this.root, live);
		LintResult result = project.lintStatically(project.migration("001_bad.up.sql", example.bad()));
		assertThat(result.measured()).isFalse();
		assertThat(result.findings()).as(result.findings().toString())
			.anyMatch((finding) -> finding.rule() == example.rule() && !finding.measured());
	}

	@Test
	void everyRuleHasAnExample() {
		assertThat(examples().map(Example::rule).distinct()).containsExactlyInAnyOrder(LintRule.values());
	}

	@Test
	void lockModesAndRewritesComeFromWhatPostgresDid() {
		LintProject project = new LintProject(this.root, live);
		LintResult result = project.lint(project.migration("001_mixed.up.sql",
				TIMEOUT + "ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);\n"
						+ "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n"
						+ "CREATE INDEX orders_note ON orders (note);\n"));
		assertThat(result.findings()).filteredOn((finding) -> finding.rule() == LintRule.TABLE_REWRITE)
			.as("numeric(10,2) to numeric(12,2) keeps the storage; to bigint rewrites")
			.singleElement()
			.satisfies((finding) -> {
				assertThat(finding.line()).isEqualTo(3);
				assertThat(finding.rewrite()).isTrue();
				assertThat(finding.measured()).isTrue();
				assertThat(finding.lockMode()).isEqualTo("AccessExclusiveLock");
				assertThat(finding.object()).isEqualTo("public.orders");
			});
		assertThat(result.findings()).filteredOn((finding) -> finding.rule() == LintRule.INDEX_WITHOUT_CONCURRENTLY)
			.singleElement()
			.satisfies((finding) -> assertThat(finding.message()).contains("AccessExclusiveLock until commit"));
	}

	@Test
	void findingsAreRankedByTheLiveSizeOfTheTable() {
		LintProject project = new LintProject(this.root, live);
		LintResult result = project.lint(project.migration("001_drops.up.sql",
				TIMEOUT + "ALTER TABLE customers DROP COLUMN id;\nALTER TABLE orders DROP COLUMN note;"));
		assertThat(result.errors()).extracting(LintFinding::object)
			.containsExactly("public.orders", "public.customers");
		assertThat(result.errors().get(0).size().rows()).isEqualTo(2000);
		assertThat(result.errors().get(0).size().bytes()).isGreaterThan(result.errors().get(1).size().bytes());
		assertThat(result.errors().get(0).toString()).contains("[public.orders: 2000 rows, ");
		assertThat(result.startingSchema()).contains("the schema of");
	}

	record Example(LintRule rule, String bad, String good, String sameMigration) {

		@Override
		public String toString() {
			return this.rule.id() + ": " + Arrays.stream(this.bad.split("\n")).findFirst().orElse("");
		}

	}

}
