package dev.confiture.core.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Runs statements through {@link ScriptExecutor} on a real PostgreSQL server and checks
 * how failures are reported.
 */
class ScriptExecutorTests {

	private ScratchDatabase database;

	private Connection connection;

	@BeforeEach
	void connect() throws SQLException {
		this.database = PostgresServers.shared().createDatabase();
		this.connection = this.database.connect();
	}

	@AfterEach
	void close() throws SQLException {
		this.connection.close();
		this.database.close();
	}

	@Test
	void executeReturnsTheRowsEachStatementAffected() {
		ScriptExecutor executor = new ScriptExecutor(this.connection, Category.DATABASE);
		List<SqlStatement> statements = SqlScript.split("rows.sql",
				"CREATE TABLE t (id int);\nINSERT INTO t VALUES (1), (2);\nCOPY t FROM stdin;\n3\n4\n5\n\\.\n"
						+ "SELECT * FROM t;\n");
		assertThat(statements).extracting((statement) -> executor.execute("rows.sql", statement))
			.containsExactly(0L, 2L, 3L, 0L);
		assertThat(executor.execute("rows.sql", SqlScript.split("rows.sql", "DELETE FROM t;"))).isEqualTo(1);
	}

	@Test
	void statementsRunTogetherKeepTheirMeaningAcrossQuotesCommentsAndCopy() throws SQLException {
		this.connection.setAutoCommit(false);
		java.util.Map<String, List<SqlStatement>> scripts = new java.util.LinkedHashMap<>();
		scripts.put("a.sql", SqlScript.split("a.sql", "CREATE TABLE t (id int, note text); -- a comment ; here\n"
				+ "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $body$ BEGIN RETURN 'x;y'; END $body$;\n"
				+ "INSERT INTO t VALUES (1, E'it\\'s; fine'), (2, 'semi;colon') /* block ; comment */;\n"
				+ "SELECT count(*) FROM t;\n-- trailing comment"));
		scripts.put("b.sql",
				SqlScript.split("b.sql", "COPY t FROM stdin;\n3\tcopied\n\\.\nINSERT INTO t VALUES (4, f());"));
		assertThat(new ScriptExecutor(this.connection, Category.SCHEMA).executeTogether(scripts)).isEqualTo(6);
		this.connection.commit();
		try (Statement statement = this.connection.createStatement();
				java.sql.ResultSet rows = statement
					.executeQuery("SELECT string_agg(id || '=' || note, ',' ORDER BY id) FROM t")) {
			rows.next();
			assertThat(rows.getString(1)).isEqualTo("1=it's; fine,2=semi;colon,3=copied,4=x;y");
		}
	}

	@Test
	void statementsRunTogetherNameTheScriptAndLineOfAFailure() throws SQLException {
		this.connection.setAutoCommit(false);
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("CREATE TABLE before_them (id int)");
		}
		java.util.Map<String, List<SqlStatement>> scripts = new java.util.LinkedHashMap<>();
		scripts.put("10_ok.sql", SqlScript.split("10_ok.sql", "CREATE TABLE ok (id int);\nCREATE TABLE ok2 (id int);"));
		scripts.put("20_bad.sql",
				SqlScript.split("20_bad.sql", "CREATE TABLE fine (id int);\n\nCREATE TABLE bad (\n  id txet\n);"));
		scripts.put("30_after.sql", SqlScript.split("30_after.sql", "CREATE TABLE never (id int);"));
		assertThatExceptionOfType(SqlExecutionException.class)
			.isThrownBy(() -> new ScriptExecutor(this.connection, Category.SCHEMA).executeTogether(scripts))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).startsWith("20_bad.sql:4: type \"txet\" does not exist (SQLSTATE 42704)");
				assertThat(ex.source()).isEqualTo("20_bad.sql");
				assertThat(ex.line()).isEqualTo(4);
			});
		this.connection.rollback();
		try (Statement statement = this.connection.createStatement();
				java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename IN "
						+ "('before_them', 'ok', 'ok2', 'fine', 'never')")) {
			rows.next();
			assertThat(rows.getInt(1)).isZero();
		}
	}

	@Test
	void failureNamesTheLineOfTheErrorPositionWhateverTheLineEnds() {
		for (String lineEnd : List.of("\n", "\r\n", "\r")) {
			String script = String.join(lineEnd, "-- first", "CREATE TABLE a (", "  id int,", "  name txet", ");");
			assertThatExceptionOfType(SqlExecutionException.class)
				.isThrownBy(() -> new ScriptExecutor(this.connection, Category.SCHEMA).execute("a.sql",
						SqlScript.split("a.sql", script)))
				.satisfies((ex) -> {
					assertThat(ex.getMessage()).startsWith("a.sql:4: type \"txet\" does not exist (SQLSTATE 42704)")
						.contains("  Statement: CREATE TABLE a ( id int, name txet )");
					assertThat(ex.source()).isEqualTo("a.sql");
					assertThat(ex.line()).isEqualTo(4);
					assertThat(ex.sqlState()).isEqualTo("42704");
					assertThat(ex.category()).isEqualTo(Category.SCHEMA);
					assertThat(ex.hint()).isNull();
				});
		}
	}

	@Test
	void failureCarriesPostgresDetailHintAndContext() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("CREATE TABLE u (id int PRIMARY KEY)");
			statement.execute("INSERT INTO u VALUES (1)");
		}
		assertThatExceptionOfType(SqlExecutionException.class)
			.isThrownBy(() -> new ScriptExecutor(this.connection, Category.DATABASE).execute("u.sql",
					SqlScript.split("u.sql", "DO $$ BEGIN\n  INSERT INTO u VALUES (1);\nEND $$;")))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.startsWith("u.sql:1: duplicate key value violates unique constraint \"u_pkey\" (SQLSTATE 23505)")
				.contains(System.lineSeparator() + "  Detail: Key (id)=(1) already exists.")
				.contains(System.lineSeparator() + "  Where: ")
				.contains(System.lineSeparator() + "  Statement: DO $$ BEGIN INSERT INTO u VALUES (1); END $$"));
	}

	@Test
	void contextAndHintKeepSourceLineAndSqlState() {
		SqlExecutionException failure = catchThrowableOfType(SqlExecutionException.class,
				() -> new ScriptExecutor(this.connection, Category.DATABASE).execute("x.sql",
						SqlScript.split("x.sql", "\nSELECT * FROM nowhere;")));
		SqlExecutionException explained = failure.withContext("Migration x failed:", "Nothing stays.", "Fix x.sql");
		assertThat(explained.getMessage()).isEqualTo("Migration x failed:" + System.lineSeparator()
				+ failure.getMessage() + System.lineSeparator() + "Nothing stays.");
		assertThat(explained.hint()).isEqualTo("Fix x.sql");
		assertThat(explained)
			.extracting(SqlExecutionException::source, SqlExecutionException::line, SqlExecutionException::sqlState,
					SqlExecutionException::category, Throwable::getCause)
			.containsExactly("x.sql", 2, "42P01", Category.DATABASE, failure.getCause());
	}

	@Test
	void failureWithoutAStatementHasNoLine() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			SQLException cause = catchThrowableOfType(SQLException.class,
					() -> statement.execute("SELECT * FROM nowhere"));
			SqlExecutionException failure = SqlExecutionException.of(Category.DATABASE, "com.example.V1", cause);
			assertThat(failure.getMessage())
				.isEqualTo("com.example.V1: relation \"nowhere\" does not exist (SQLSTATE 42P01)");
			assertThat(failure.line()).isZero();
			assertThat(failure.sqlState()).isEqualTo("42P01");
		}
	}

}
