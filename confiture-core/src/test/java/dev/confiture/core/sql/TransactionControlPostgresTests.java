package dev.confiture.core.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks {@link TransactionControl#nonTransactionalReason(SqlStatement, int)} against
 * what a real PostgreSQL server refuses to run inside a transaction block.
 */
class TransactionControlPostgresTests {

	private static final String ACTIVE_SQL_TRANSACTION = "25001";

	private static final String SETUP = """
			CREATE TABLE t (a int);
			CREATE INDEX t_a ON t (a);
			CREATE TYPE mood AS ENUM ('happy');
			CREATE TABLE parted (id int) PARTITION BY RANGE (id);
			CREATE TABLE part1 PARTITION OF parted FOR VALUES FROM (0) TO (10);
			""";

	private static final String STATEMENTS = """
			CREATE INDEX CONCURRENTLY t_b ON t (a);
			CREATE UNIQUE INDEX CONCURRENTLY t_c ON t (a);
			DROP INDEX CONCURRENTLY t_a;
			REINDEX INDEX CONCURRENTLY t_a;
			REINDEX (CONCURRENTLY) TABLE t;
			REINDEX SCHEMA public;
			VACUUM t;
			CLUSTER;
			ALTER SYSTEM SET work_mem = '64MB';
			CREATE DATABASE confiture_never_created;
			DROP DATABASE IF EXISTS confiture_never_created;
			ALTER DATABASE current_db SET TABLESPACE pg_default;
			CREATE TABLESPACE confiture_never LOCATION '/nonexistent';
			DROP TABLESPACE IF EXISTS confiture_never;
			ALTER TABLE parted DETACH PARTITION part1 CONCURRENTLY;
			COMMIT PREPARED 'confiture_never';
			ROLLBACK PREPARED 'confiture_never';
			DISCARD ALL;
			CREATE INDEX t_d ON t (a);
			DROP INDEX t_a;
			REINDEX INDEX t_a;
			CLUSTER t USING t_a;
			ANALYZE t;
			ALTER TYPE mood ADD VALUE 'sad';
			ALTER TABLE parted DETACH PARTITION part1;
			DISCARD PLANS;
			""";

	@Test
	void reasonMatchesWhatPostgresRefusesInTransactionBlock() throws SQLException {
		List<String> mismatches = new ArrayList<>();
		try (ScratchDatabase database = PostgresServers.shared().createDatabase();
				Connection connection = database.connect();
				Statement statement = connection.createStatement()) {
			statement.execute(SETUP);
			int version = connection.getMetaData().getDatabaseMajorVersion();
			String script = STATEMENTS.replace("current_db", "\"" + database.name() + "\"");
			connection.setAutoCommit(false);
			for (SqlStatement sql : SqlScript.split("statements.sql", script)) {
				boolean refused = isRefusedInTransaction(statement, sql.sql());
				connection.rollback();
				String reason = TransactionControl.nonTransactionalReason(sql, version);
				if (refused != (reason != null)) {
					mismatches.add(sql.sql() + " (PostgreSQL refused: " + refused + ", reason: " + reason + ")");
				}
			}
		}
		assertThat(mismatches).isEmpty();
	}

	private static boolean isRefusedInTransaction(Statement statement, String sql) {
		try {
			statement.execute(sql);
			return false;
		}
		catch (SQLException ex) {
			return ACTIVE_SQL_TRANSACTION.equals(ex.getSQLState());
		}
	}

}
