package dev.confiture.core.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.confiture.core.api.ConfitureException.Category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class SqlScriptTests {

	@Test
	void splitsStatementsInOrder() {
		assertThat(sqls("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n"))
			.containsExactly("CREATE TABLE a (id int)", "CREATE TABLE b (id int)");
	}

	@Test
	void returnsLastStatementWithoutSemicolon() {
		assertThat(sqls("SELECT 1;\nSELECT 2\n")).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void skipsEmptyStatements() {
		assertThat(sqls(";;SELECT 1;; ;\n;SELECT 2;;")).containsExactly("SELECT 1", "SELECT 2");
	}

	@Test
	void emptyOrCommentOnlyScriptHasNoStatements() {
		assertThat(split("")).isEmpty();
		assertThat(split(" \n\t\r\n")).isEmpty();
		assertThat(split("-- nothing here\n/* nor /* here */ */\n;\n-- end")).isEmpty();
	}

	@Test
	void statementTextRunsFromFirstToLastTokenAndKeepsInnerComments() {
		String script = """
				-- leading comment
				/* block */ SELECT 1, -- inner
				  /* inner block */ 2 -- trailing
				;  -- after
				""";
		assertThat(sqls(script)).containsExactly("SELECT 1, -- inner\n  /* inner block */ 2");
	}

	@Test
	void semicolonInStringWithDoubledQuotes() {
		assertThat(sqls("INSERT INTO t VALUES ('it''s; fine', ';');SELECT ''';'''"))
			.containsExactly("INSERT INTO t VALUES ('it''s; fine', ';')", "SELECT ''';'''");
	}

	@Test
	void backslashInStandardStringIsNotAnEscape() {
		assertThat(sqls("SELECT 'C:\\dir\\'; SELECT 2")).containsExactly("SELECT 'C:\\dir\\'", "SELECT 2");
	}

	@Test
	void semicolonAndQuotesInEscapeString() {
		assertThat(sqls("SELECT E'it\\'s; ok'; SELECT e'\\\\'; SELECT E'a''b;\\n'; SELECT 4"))
			.containsExactly("SELECT E'it\\'s; ok'", "SELECT e'\\\\'", "SELECT E'a''b;\\n'", "SELECT 4");
	}

	@Test
	void wordEndingWithEIsNotAnEscapeStringPrefix() {
		assertThat(sqls("SELECT DATE'2024-01-01', TYPE'\\'; SELECT 2"))
			.containsExactly("SELECT DATE'2024-01-01', TYPE'\\'", "SELECT 2");
	}

	@Test
	void semicolonInUnicodeEscapeString() {
		assertThat(sqls("SELECT U&'d\\0061t\\+000061; x'; SELECT U&\"a;b\"; SELECT 3"))
			.containsExactly("SELECT U&'d\\0061t\\+000061; x'", "SELECT U&\"a;b\"", "SELECT 3");
	}

	@Test
	void semicolonInQuotedIdentifierWithDoubledQuotes() {
		assertThat(sqls("CREATE TABLE \"a;\"\"b\" (\"x;\" int); SELECT 1"))
			.containsExactly("CREATE TABLE \"a;\"\"b\" (\"x;\" int)", "SELECT 1");
	}

	@Test
	void semicolonInDollarQuotes() {
		assertThat(sqls("SELECT $$a; 'b$$; SELECT $tag$ ; $$ ; $tag$; SELECT 3")).containsExactly("SELECT $$a; 'b$$",
				"SELECT $tag$ ; $$ ; $tag$", "SELECT 3");
	}

	@Test
	void dollarQuoteTagsAreCaseSensitiveAndMayNest() {
		String script = """
				SELECT $Body$ $body$ ; $inner$ ; $inner$ ; $Body$;
				SELECT $a1_é$ ; $a1_é$;
				""";
		assertThat(sqls(script)).containsExactly("SELECT $Body$ $body$ ; $inner$ ; $inner$ ; $Body$",
				"SELECT $a1_é$ ; $a1_é$");
	}

	@Test
	void parameterReferenceIsNotADollarQuote() {
		assertThat(sqls("PREPARE p (int, int) AS SELECT $1 + $2; EXECUTE p(1, 2); SELECT 3"))
			.containsExactly("PREPARE p (int, int) AS SELECT $1 + $2", "EXECUTE p(1, 2)", "SELECT 3");
	}

	@Test
	void dollarInsideIdentifierIsNotADollarQuote() {
		assertThat(sqls("SELECT a$b$ FROM t; SELECT $b$;$b$")).containsExactly("SELECT a$b$ FROM t", "SELECT $b$;$b$");
	}

	@Test
	void semicolonInLineComment() {
		assertThat(sqls("SELECT 1 -- not; the end\n, 2; SELECT 3 --; last"))
			.containsExactly("SELECT 1 -- not; the end\n, 2", "SELECT 3");
	}

	@Test
	void semicolonInNestedBlockComments() {
		assertThat(sqls("/* a /* b; */ c; */ SELECT 1 /* x; /* y; */ */ + 1; SELECT 2"))
			.containsExactly("SELECT 1 /* x; /* y; */ */ + 1", "SELECT 2");
	}

	@Test
	void functionWithDollarQuotedBodyIsOneStatement() {
		String function = """
				CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
				BEGIN
					NEW.updated_at := now();
					RETURN NEW;
				END;
				$$ LANGUAGE plpgsql""";
		assertThat(sqls(function + ";\nSELECT 1;")).containsExactly(function, "SELECT 1");
	}

	@Test
	void doBlockIsOneStatement() {
		String block = """
				DO $do$
				BEGIN
					IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app') THEN
						EXECUTE $sql$CREATE ROLE app; $sql$;
					END IF;
				END
				$do$""";
		assertThat(sqls("BEGIN;\n" + block + ";\nCOMMIT;")).containsExactly("BEGIN", block, "COMMIT");
	}

	@Test
	void standardFunctionBodyWithBeginAtomicIsOneStatement() {
		String function = """
				CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql
				BEGIN ATOMIC
					SELECT 1;
					SELECT CASE WHEN x > 0 THEN 1 ELSE CASE x WHEN 0 THEN 0 END END;
					SELECT (CASE WHEN x < 0 THEN -1 END);
					SELECT x;
				END""";
		String procedure = """
				CREATE OR REPLACE PROCEDURE p() LANGUAGE sql
				BEGIN /* comment */ atomic
					INSERT INTO t VALUES (1);
					INSERT INTO t VALUES (2);
				end""";
		assertThat(sqls(function + ";\n" + procedure + ";\nSELECT 3;")).containsExactly(function, procedure,
				"SELECT 3");
	}

	@Test
	void functionNamedBeginIsNotABody() {
		assertThat(sqls("CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 1; SELECT begin();"))
			.containsExactly("CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 1", "SELECT begin()");
	}

	@Test
	void semicolonInParenthesesDoesNotEndStatement() {
		String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2))";
		assertThat(sqls(rule + "; SELECT 1")).containsExactly(rule, "SELECT 1");
	}

	@Test
	void copyFromStdinTakesDataUpToTerminator() {
		String script = """
				COPY t (a, b) FROM stdin;
				1\tit's; here
				2\t"quoted; $$ -- /*
				\\.
				SELECT 1;
				""";
		List<SqlStatement> statements = split(script);
		assertThat(statements).extracting(SqlStatement::sql, SqlStatement::line, SqlStatement::copyData)
			.containsExactly(tuple("COPY t (a, b) FROM stdin", 1, "1\tit's; here\n2\t\"quoted; $$ -- /*\n"),
					tuple("SELECT 1", 5, null));
		assertThat(statements.get(0).isCopyFromStdin()).isTrue();
		assertThat(statements.get(1).isCopyFromStdin()).isFalse();
	}

	@Test
	void copyFromStdinInAnyCaseAndWithOptions() {
		String script = """
				copy public.t from STDIN with (format csv, header true) ;
				a,b
				"x;y",2
				\\.
				Copy t FROM Stdin WITH CSV
				;
				\\.
				""";
		assertThat(split(script)).extracting(SqlStatement::sql, SqlStatement::line, SqlStatement::copyData)
			.containsExactly(tuple("copy public.t from STDIN with (format csv, header true)", 1, "a,b\n\"x;y\",2\n"),
					tuple("Copy t FROM Stdin WITH CSV", 5, ""));
	}

	@Test
	void copyDataMayEndAtEndOfText() {
		assertThat(split("COPY t FROM stdin;\n1\n\\.")).singleElement()
			.extracting(SqlStatement::copyData)
			.isEqualTo("1\n");
	}

	@Test
	void onlyExactBackslashDotLineEndsCopyData() {
		String script = "COPY t FROM stdin;\n\\.x\n \\.\n\\. \n\\N\n\\.\n";
		assertThat(split(script)).singleElement()
			.extracting(SqlStatement::copyData)
			.isEqualTo("\\.x\n \\.\n\\. \n\\N\n");
	}

	@Test
	void copyWithCrlfLineEndings() {
		String script = "COPY t FROM stdin;\r\n1\tx\r\n2\ty\r\n\\.\r\nSELECT 1;\r\n";
		assertThat(split(script)).extracting(SqlStatement::sql, SqlStatement::line, SqlStatement::copyData)
			.containsExactly(tuple("COPY t FROM stdin", 1, "1\tx\n2\ty\n"), tuple("SELECT 1", 5, null));
	}

	@Test
	void copyLineMayEndWithComment() {
		assertThat(split("COPY t FROM stdin; -- data follows\n1\n\\.\n")).singleElement()
			.extracting(SqlStatement::copyData)
			.isEqualTo("1\n");
	}

	@Test
	void copyToStdoutOrFromFileHasNoData() {
		String script = """
				COPY t TO stdout;
				COPY (SELECT a FROM stdin_table) TO STDOUT;
				COPY t FROM '/tmp/data.csv';
				COPY t FROM PROGRAM 'cat stdin';
				""";
		assertThat(split(script)).hasSize(4).noneMatch(SqlStatement::isCopyFromStdin);
	}

	@Test
	void copyWithoutTerminatorFailsNamingTheCopyLine() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> split("SELECT 1;\n\nCOPY t FROM stdin;\n1\n2\n"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3))
			.withMessage("test.sql:3: COPY ... FROM stdin has no terminating \\. line");
		assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> split("SELECT 1;\nCOPY t FROM stdin"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(2));
		assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> split("COPY t FROM stdin;"))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(1));
	}

	@Test
	void textAfterCopyOnSameLineFails() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> split("COPY t FROM stdin; SELECT 1;\n\\.\n"))
			.withMessage("test.sql:1: unexpected text after COPY ... FROM stdin on the same line");
	}

	@Test
	void psqlMetaCommandFails() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> split("SELECT 1;\n-- include\n\\i other.sql\n"))
			.satisfies((ex) -> {
				assertThat(ex.source()).isEqualTo("test.sql");
				assertThat(ex.line()).isEqualTo(3);
				assertThat(ex.category()).isEqualTo(Category.SCHEMA);
				assertThat(ex.hint()).contains("does not run psql meta-commands");
			})
			.withMessage("test.sql:3: psql meta-command \\i is not supported");
		assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> split("  \\set ON_ERROR_STOP on"))
			.withMessage("test.sql:1: psql meta-command \\set is not supported");
		assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> split("SELECT 1 AS x \\gset\n"))
			.withMessage("test.sql:1: psql meta-command \\gset is not supported");
	}

	@Test
	void unterminatedStringFails() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> split("SELECT 1;\nSELECT 'abc;\nSELECT 2;"))
			.satisfies((ex) -> assertThat(ex.hint()).contains("''"))
			.withMessage("test.sql:2: string literal is not terminated");
		assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> split("\nSELECT E'abc\\';"))
			.withMessage("test.sql:2: escape string literal is not terminated");
	}

	@Test
	void unterminatedQuotedIdentifierFails() {
		assertThatExceptionOfType(SqlSyntaxException.class).isThrownBy(() -> split("SELECT \"a\"\"b;"))
			.withMessage("test.sql:1: quoted identifier is not terminated");
	}

	@Test
	void unterminatedDollarQuoteFails() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> split("SELECT 1;\n\nDO $Body$ BEGIN NULL; END $body$;\n"))
			.satisfies((ex) -> assertThat(ex.hint()).contains("$Body$"))
			.withMessage("test.sql:3: dollar-quoted string $Body$ is not terminated");
	}

	@Test
	void unterminatedBlockCommentFails() {
		assertThatExceptionOfType(SqlSyntaxException.class)
			.isThrownBy(() -> split("SELECT 1;\n/* outer /* inner */\nSELECT 2;"))
			.withMessage("test.sql:2: block comment is not terminated");
	}

	@Test
	void lineIsThatOfFirstTokenAfterComments() {
		String script = """
				/* header
				   over lines */
				-- comment

				  SELECT 1; SELECT
				2;
				""";
		assertThat(split(script)).extracting(SqlStatement::line).containsExactly(5, 5);
	}

	@Test
	void linesCountAfterMultiLineStringsCommentsAndBodies() {
		String script = """
				SELECT 'a
				b';
				/* c
				d */ SELECT $$
				e
				$$;
				SELECT "f

				g";
				SELECT 4;
				""";
		assertThat(split(script)).extracting(SqlStatement::line).containsExactly(1, 4, 7, 10);
	}

	@Test
	void linesCountWithCrlfAndLoneCr() {
		assertThat(split("SELECT 1;\r\n\r\nSELECT 2;\r\n-- x\r\nSELECT 3;")).extracting(SqlStatement::line)
			.containsExactly(1, 3, 5);
		assertThat(split("SELECT 1;\r\rSELECT 2;\rSELECT\r3;")).extracting(SqlStatement::line, SqlStatement::sql)
			.containsExactly(tuple(1, "SELECT 1"), tuple(3, "SELECT 2"), tuple(4, "SELECT\r3"));
	}

	@Test
	void lineCommentEndsAtCarriageReturn() {
		assertThat(sqls("SELECT 1 -- c\rFROM t; SELECT 2")).containsExactly("SELECT 1 -- c\rFROM t", "SELECT 2");
	}

	@Test
	void byteOrderMarkIsIgnored() {
		assertThat(split("\uFEFF-- x\nSELECT 1;\nSELECT 2;")).extracting(SqlStatement::sql, SqlStatement::line)
			.containsExactly(tuple("SELECT 1", 2), tuple("SELECT 2", 3));
		assertThat(sqls("\uFEFFSELECT 1")).containsExactly("SELECT 1");
	}

	@Test
	void splitsLargeScript() {
		StringBuilder script = new StringBuilder();
		int statements = 0;
		for (int i = 0; script.length() < 2_000_000; i++) {
			script.append("-- table ").append(i).append("\r\n");
			script.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY, note text DEFAULT 'a;''b');\r\n");
			script.append("CREATE FUNCTION f")
				.append(i)
				.append("() RETURNS int AS $f$\n")
				.append("BEGIN\n\tRETURN ")
				.append(i)
				.append("; -- ;\nEND;\n$f$ LANGUAGE plpgsql;\n");
			script.append("COPY t").append(i).append(" (id, note) FROM stdin;\n");
			for (int row = 0; row < 5; row++) {
				script.append(row).append("\tvalue; 'quoted' $$\n");
			}
			script.append("\\.\n");
			script.append("/* block /* nested; */ */ INSERT INTO t").append(i).append(" VALUES (E'x\\'; y');\n");
			statements += 4;
		}
		List<SqlStatement> split = split(script.toString());
		assertThat(split).hasSize(statements);
		assertThat(split.get(split.size() - 1).sql()).startsWith("INSERT INTO t");
		assertThat(split.get(2).copyData()).hasLineCount(5);
	}

	private static List<SqlStatement> split(String script) {
		return SqlScript.split("test.sql", script);
	}

	private static List<String> sqls(String script) {
		return split(script).stream().map(SqlStatement::sql).toList();
	}

}
