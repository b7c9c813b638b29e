package dev.confiture.core.sql;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs split scripts on a real PostgreSQL server, statement by statement.
 */
class SqlScriptPostgresTests {

	private static final String SCRIPT = """
			\uFEFF-- a script with everything that can hide a semicolon
			CREATE TABLE notes (id int PRIMARY KEY, body text);\r
			INSERT INTO notes VALUES (1, 'it''s; fine'), (2, E'tab\\there; \\'quoted\\'');
			CREATE TABLE "odd;""name" (id int); /* nested /* ; */ comment */
			CREATE FUNCTION touch(n int) RETURNS text AS $body$
			BEGIN
				RETURN 'touched; ' || n || $x$ $body $x$; -- ;
			END;
			$body$ LANGUAGE plpgsql;
			CREATE FUNCTION sign_of(x int) RETURNS int LANGUAGE sql
			BEGIN ATOMIC
				SELECT CASE WHEN x > 0 THEN 1 WHEN x < 0 THEN -1 ELSE 0 END;
			END;
			DO $$
			BEGIN
				INSERT INTO notes VALUES (3, 'from DO; block');
			END
			$$;
			COPY notes (id, body) FROM stdin;
			4\tcopied; 'quoted' $$ -- not a comment
			5\t\\N
			\\.
			CREATE RULE keep AS ON DELETE TO notes DO INSTEAD (
				INSERT INTO "odd;""name" VALUES (OLD.id);
				UPDATE notes SET body = 'kept' WHERE id = OLD.id
			);
			DELETE FROM notes WHERE id = 1
			""";

	@Test
	void splitScriptRunsStatementByStatement() throws SQLException, IOException {
		List<SqlStatement> statements = SqlScript.split("everything.sql", SCRIPT);
		assertThat(statements).hasSize(9);
		try (ScratchDatabase database = PostgresServers.shared().createDatabase();
				Connection connection = database.connect();
				Statement statement = connection.createStatement()) {
			for (SqlStatement sql : statements) {
				if (sql.isCopyFromStdin()) {
					connection.unwrap(PGConnection.class)
						.getCopyAPI()
						.copyIn(sql.sql(), new StringReader(sql.copyData()));
				}
				else {
					statement.execute(sql.sql());
				}
			}
			assertThat(queryStrings(statement, "SELECT body FROM notes ORDER BY id")).containsExactly("kept",
					"tab\there; 'quoted'", "from DO; block", "copied; 'quoted' $$ -- not a comment", null);
			assertThat(queryStrings(statement, "SELECT touch(2)")).containsExactly("touched; 2 $body ");
			assertThat(queryStrings(statement, "SELECT sign_of(-5)::text")).containsExactly("-1");
			assertThat(queryStrings(statement, "SELECT count(*)::text FROM \"odd;\"\"name\"")).containsExactly("1");
		}
	}

	private static List<String> queryStrings(Statement statement, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

}
