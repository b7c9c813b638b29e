package dev.confiture.core.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sql.SqlExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link CatalogLoader#build}: the DDL goes to the server in batches, and a failure still
 * names the file and line of the statement and leaves nothing built.
 */
class CatalogLoaderTests {

	@Test
	void buildsBatchesAndStatementsThatRunAloneInOrder() throws SQLException {
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 450; i++) {
			many.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY); -- table ").append(i).append('\n');
		}
		List<SqlSource> sources = List.of(new SqlSource("a.sql", many.toString()), new SqlSource("b.sql",
				"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;\n"
						+ "SELECT pg_catalog.set_config('search_path', 'public', false);\n"
						+ "CREATE TABLE seeded (id int) -- a comment after the statement\n;\n"
						+ "COPY seeded (id) FROM stdin;\n1\n2\n\\.\n" + "COMMENT ON TABLE seeded IS 'semi; colon';\n"));
		try (ScratchDatabase database = PostgresServers.shared().createDatabase()) {
			CatalogLoader.build(database, sources);
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				assertThat(single(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
					.isEqualTo("451");
				assertThat(single(statement, "SELECT count(*) FROM seeded")).isEqualTo("2");
				assertThat(single(statement, "SELECT f()")).isEqualTo("1");
				assertThat(single(statement, "SELECT obj_description('seeded'::regclass, 'pg_class')"))
					.isEqualTo("semi; colon");
			}
		}
	}

	@Test
	void failureInALaterBatchNamesTheFileAndLineAndBuildsNothing() throws SQLException {
		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 250; i++) {
			many.append("CREATE TABLE t").append(i).append(" (id int);\n");
		}
		List<SqlSource> sources = List.of(new SqlSource("db/schema/a.sql", many.toString()),
				new SqlSource("db/schema/b.sql", "CREATE TABLE ok (id int);\n\nCREATE TABLE broken (id nosuchtype);\n"
						+ "CREATE TABLE after (id int);\n"));
		try (ScratchDatabase database = PostgresServers.shared().createDatabase()) {
			assertThatExceptionOfType(SqlExecutionException.class)
				.isThrownBy(() -> CatalogLoader.build(database, sources))
				.satisfies((ex) -> {
					assertThat(ex.source()).isEqualTo("db/schema/b.sql");
					assertThat(ex.line()).isEqualTo(3);
					assertThat(ex.getMessage()).startsWith("db/schema/b.sql:3: ").contains("nosuchtype");
					assertThat(ex.hint()).isEqualTo("Fix db/schema/b.sql at line 3; it was built into a throw-away "
							+ "database to read what it defines");
				});
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				assertThat(single(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
					.isEqualTo("0");
			}
		}
	}

	@Test
	void failureOfAStatementThatRunsAloneNamesItsLine() throws SQLException {
		List<SqlSource> sources = List.of(new SqlSource("a.sql", "CREATE TABLE t (id int);\nSELECT 1/0;\n"));
		try (ScratchDatabase database = PostgresServers.shared().createDatabase()) {
			assertThatExceptionOfType(SqlExecutionException.class)
				.isThrownBy(() -> CatalogLoader.build(database, sources))
				.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("a.sql:2: ").contains("division by zero"));
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				assertThat(single(statement, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
					.isEqualTo("0");
			}
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
