package dev.confiture.core.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based test of the splitter: random scripts interleaving plain strings,
 * {@code E''} strings with escapes, dollar quotes with and without tags, line and nested
 * block comments, all holding semicolons, quotes and dollars, are split into exactly the
 * statements they were made of, and PostgreSQL runs each statement and returns the value
 * that was written into it.
 */
class SplitterFuzzTests {

	private static final String TRICKY = "ab;'\"$\\-/*\n ";

	private static ScratchDatabase database;

	private static Connection connection;

	@Property(tries = 300)
	void splitsLikePostgresql(@ForAll("scripts") Script script) throws SQLException {
		List<SqlStatement> statements = SqlScript.split("fuzz.sql", script.text());
		assertThat(statements).as(script.text()).hasSize(script.values().size());
		try (Statement jdbc = connection().createStatement()) {
			jdbc.setEscapeProcessing(false);
			for (int i = 0; i < statements.size(); i++) {
				try (ResultSet result = jdbc.executeQuery(statements.get(i).sql())) {
					assertThat(result.next()).isTrue();
					assertThat(result.getString(1)).as(script.text()).isEqualTo(script.values().get(i));
				}
			}
		}
	}

	@Provide
	Arbitrary<Script> scripts() {
		return statement().list()
			.ofMinSize(1)
			.ofMaxSize(5)
			.flatMap((statements) -> separator().list().ofSize(statements.size()).map((separators) -> {
				StringBuilder text = new StringBuilder();
				List<String> values = new ArrayList<>();
				for (int i = 0; i < statements.size(); i++) {
					text.append(statements.get(i).sql()).append(';').append(separators.get(i));
					values.add(statements.get(i).value());
				}
				return new Script(text.toString(), values);
			}));
	}

	private Arbitrary<Literal> statement() {
		return Combinators.combine(literal().list().ofMinSize(1).ofMaxSize(4), gap()).as((literals, lead) -> {
			StringBuilder sql = new StringBuilder(lead).append("SELECT ");
			StringBuilder value = new StringBuilder();
			for (int i = 0; i < literals.size(); i++) {
				sql.append((i > 0) ? " ||" + gapText(i, literals) : "").append(literals.get(i).sql());
				value.append(literals.get(i).value());
			}
			return new Literal(sql.append(" ").toString(), value.toString());
		});
	}

	private static String gapText(int i, List<Literal> literals) {
		return ((i + literals.get(i).value().length()) % 3 == 0) ? " /* ;'$$ /* nested; */ */ " : " ";
	}

	private Arbitrary<Literal> literal() {
		Arbitrary<String> content = Arbitraries.strings().withChars(TRICKY).ofMaxLength(12);
		Arbitrary<Literal> plain = content.map((text) -> new Literal("'" + text.replace("'", "''") + "'", text));
		Arbitrary<Literal> escaped = content
			.map((text) -> new Literal("E'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'",
					text));
		Arbitrary<String> tag = Arbitraries.of("", "x", "fn_1", "q");
		Arbitrary<Literal> dollar = Combinators.combine(content, tag)
			.as((text, name) -> "$" + name + "$" + text + "$" + name + "$")
			.filter((sql) -> closesAtTheEnd(sql))
			.map((sql) -> {
				int open = sql.indexOf('$', 1) + 1;
				return new Literal(sql, sql.substring(open, sql.length() - open));
			});
		return Arbitraries.oneOf(plain, escaped, dollar);
	}

	/** Whether the dollar quote's first closing delimiter is its last characters. */
	private static boolean closesAtTheEnd(String sql) {
		int open = sql.indexOf('$', 1) + 1;
		String delimiter = sql.substring(0, open);
		return sql.indexOf(delimiter, open) == sql.length() - delimiter.length();
	}

	private Arbitrary<String> gap() {
		return Arbitraries.of("", "\n", "-- lead; 'not a string' $$\n", "/* lead; $x$ */ ", "  \t");
	}

	private Arbitrary<String> separator() {
		return Arbitraries.of("\n", " ", "", " -- after; it ' $$\n", "\n/* ; */\n", "\r\n");
	}

	private static Connection connection() throws SQLException {
		if (connection == null) {
			database = PostgresServers.shared().createDatabase();
			connection = database.connect();
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET standard_conforming_strings = on");
			}
		}
		return connection;
	}

	@AfterContainer
	static void close() throws SQLException {
		if (connection != null) {
			connection.close();
			database.close();
		}
	}

	record Literal(String sql, String value) {
	}

	record Script(String text, List<String> values) {

		@Override
		public String toString() {
			return this.text;
		}

	}

}
