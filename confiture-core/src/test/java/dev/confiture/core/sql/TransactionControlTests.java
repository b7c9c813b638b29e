package dev.confiture.core.sql;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionControlTests {

	@ParameterizedTest
	@ValueSource(strings = { "BEGIN", "begin work", "BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE",
			"START TRANSACTION", "start transaction read only", "COMMIT", "COMMIT WORK", "COMMIT AND CHAIN",
			"COMMIT TRANSACTION AND NO CHAIN", "END", "end transaction", "ROLLBACK", "ROLLBACK WORK",
			"ROLLBACK AND CHAIN", "ABORT", "/* x */ COMMIT" })
	void transactionControl(String sql) {
		assertThat(TransactionControl.isTransactionControl(statement(sql))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "SAVEPOINT s", "RELEASE SAVEPOINT s", "ROLLBACK TO SAVEPOINT s", "ROLLBACK TO s",
			"ROLLBACK WORK TO SAVEPOINT s", "COMMIT PREPARED 'tx'", "ROLLBACK PREPARED 'tx'", "SELECT 'COMMIT'",
			"START", "\"begin\"", "CREATE TABLE commit (id int)", "" })
	void notTransactionControl(String sql) {
		assertThat(TransactionControl.isTransactionControl(statement(sql))).isFalse();
	}

	@Test
	void wrappedScriptHasTransactionControlOnlyAtTopLevel() {
		String script = """
				BEGIN;
				DO $$ BEGIN PERFORM 1; COMMIT; END $$;
				INSERT INTO log VALUES ('BEGIN'), ('COMMIT');
				/* BEGIN; */ -- COMMIT;
				COMMIT;
				""";
		List<SqlStatement> statements = SqlScript.split("wrapped.sql", script);
		assertThat(statements).extracting(TransactionControl::isTransactionControl)
			.containsExactly(true, false, false, true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX CONCURRENTLY i ON t (a)", "create unique index concurrently i on t (a)",
			"/* x */ CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)", "DROP INDEX CONCURRENTLY i",
			"REINDEX INDEX CONCURRENTLY i", "REINDEX (VERBOSE) TABLE CONCURRENTLY t", "REINDEX (CONCURRENTLY) INDEX i",
			"REINDEX SCHEMA public", "REINDEX (VERBOSE) DATABASE", "REINDEX SYSTEM", "VACUUM", "VACUUM (ANALYZE) t",
			"vacuum full t", "CLUSTER", "CLUSTER VERBOSE", "CLUSTER (VERBOSE)", "ALTER SYSTEM SET work_mem = '64MB'",
			"CREATE DATABASE d", "DROP DATABASE IF EXISTS d", "ALTER DATABASE d SET TABLESPACE fast",
			"CREATE TABLESPACE fast LOCATION '/ssd'", "DROP TABLESPACE fast",
			"ALTER TABLE s.t DETACH PARTITION s.p CONCURRENTLY", "COMMIT PREPARED 'tx'", "ROLLBACK PREPARED 'tx'",
			"DISCARD ALL", "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p", "DROP SUBSCRIPTION s",
			"ALTER SUBSCRIPTION s REFRESH PUBLICATION" })
	void nonTransactional(String sql) {
		assertThat(TransactionControl.nonTransactionalReason(statement(sql)))
			.endsWith("cannot run inside a transaction block");
		assertThat(TransactionControl.nonTransactionalReason(statement(sql), 18)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX i ON t (concurrently)", "CREATE INDEX \"concurrently\" ON t (a)",
			"DROP INDEX i", "REINDEX INDEX i", "REINDEX TABLE t", "CLUSTER t", "CLUSTER VERBOSE t USING i",
			"CLUSTER (VERBOSE) t", "ANALYZE t", "ALTER DATABASE d SET default_tablespace = 'fast'",
			"ALTER DATABASE d RENAME TO e", "ALTER TABLESPACE fast RENAME TO faster",
			"ALTER TABLE t DETACH PARTITION p", "ALTER TYPE mood RENAME VALUE 'a' TO 'b'",
			"ALTER TYPE point3 ADD ATTRIBUTE z int", "SELECT 'CREATE INDEX CONCURRENTLY'", "DISCARD PLANS", "COMMIT",
			"SAVEPOINT s", "CREATE DATABASE_EVENTS_TABLE (id int)", "" })
	void transactional(String sql) {
		assertThat(TransactionControl.nonTransactionalReason(statement(sql))).isNull();
	}

	@Test
	void addEnumValueIsNonTransactionalOnlyBeforePostgres12() {
		SqlStatement statement = statement("ALTER TYPE public.mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'sad'");
		assertThat(TransactionControl.nonTransactionalReason(statement))
			.isEqualTo("ALTER TYPE ... ADD VALUE (before PostgreSQL 12) cannot run inside a transaction block");
		assertThat(TransactionControl.nonTransactionalReason(statement, 11)).isNotNull();
		assertThat(TransactionControl.nonTransactionalReason(statement, 12)).isNull();
		assertThat(TransactionControl.nonTransactionalReason(statement, 18)).isNull();
	}

	@Test
	void reasonNamesTheCommand() {
		assertThat(TransactionControl.nonTransactionalReason(statement("create unique index concurrently i on t (a)")))
			.isEqualTo("CREATE INDEX CONCURRENTLY cannot run inside a transaction block");
		assertThat(TransactionControl.nonTransactionalReason(statement("DROP TABLESPACE fast")))
			.isEqualTo("DROP TABLESPACE cannot run inside a transaction block");
	}

	@Test
	void statementsOfSplitScriptAreClassified() {
		String script = """
				-- indexes
				/* x */ CREATE INDEX CONCURRENTLY idx_a ON t (a);
				INSERT INTO notes VALUES ('CREATE INDEX CONCURRENTLY x; VACUUM');
				DO $$ BEGIN EXECUTE 'VACUUM'; END $$;
				VACUUM ANALYZE t;
				""";
		assertThat(SqlScript.split("indexes.sql", script)).extracting(TransactionControl::nonTransactionalReason)
			.containsExactly("CREATE INDEX CONCURRENTLY cannot run inside a transaction block", null, null,
					"VACUUM cannot run inside a transaction block");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-- confiture:no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);",
			"\uFEFF-- confiture:no-transaction\n", "  --   Confiture : No-Transaction  \r\nSELECT 1",
			"--confiture:no-transaction",
			"-- migration 12\n/* about\n it */\n\t-- CONFITURE:NO-TRANSACTION\nSELECT 1" })
	void noTransactionMarker(String script) {
		assertThat(TransactionControl.hasNoTransactionMarker(script)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "SELECT 1;\n-- confiture:no-transaction\n", "-- confiture:no-transaction please\n",
			"-- confiture:no-transactions\n", "/* x */ -- confiture:no-transaction\n",
			"/* -- confiture:no-transaction */\n", "SELECT '\n-- confiture:no-transaction\n'",
			"-- confiture: transaction\n" })
	void noNoTransactionMarker(String script) {
		assertThat(TransactionControl.hasNoTransactionMarker(script)).isFalse();
	}

	private static SqlStatement statement(String sql) {
		return new SqlStatement(sql, 1, null);
	}

}
