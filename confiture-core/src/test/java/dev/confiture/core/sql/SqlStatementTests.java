package dev.confiture.core.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SqlStatementTests {

	@Test
	void leadingKeywordsAreUpperCasedAndSingleSpaced() {
		SqlStatement statement = new SqlStatement("create\n\tunique  index\r\nconcurrently idx ON t (a)", 1, null);
		assertThat(statement.leadingKeywords(4)).isEqualTo("CREATE UNIQUE INDEX CONCURRENTLY");
		assertThat(statement.leadingKeywords(1)).isEqualTo("CREATE");
		assertThat(statement.leadingKeywords(0)).isEmpty();
	}

	@Test
	void leadingKeywordsSkipComments() {
		SqlStatement statement = new SqlStatement("/* x /* y */ */ CREATE -- c\n INDEX /**/ CONCURRENTLY i ON t (a)", 1,
				null);
		assertThat(statement.leadingKeywords(3)).isEqualTo("CREATE INDEX CONCURRENTLY");
	}

	@Test
	void leadingKeywordsStopAtFirstTokenThatIsNotAWord() {
		assertThat(new SqlStatement("ALTER TYPE \"Mood\" ADD VALUE 'x'", 1, null).leadingKeywords(5))
			.isEqualTo("ALTER TYPE");
		assertThat(new SqlStatement("BEGIN", 1, null).leadingKeywords(3)).isEqualTo("BEGIN");
		assertThat(new SqlStatement("(SELECT 1)", 1, null).leadingKeywords(3)).isEmpty();
		assertThat(new SqlStatement("SELECT 'unterminated", 1, null).leadingKeywords(3)).isEqualTo("SELECT");
	}

	@Test
	void leadingKeywordsFoldOnlyAsciiLetters() {
		assertThat(new SqlStatement("select café", 1, null).leadingKeywords(2)).isEqualTo("SELECT CAFé");
	}

	@Test
	void leadingKeywordsRejectNegativeCount() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SqlStatement("SELECT 1", 1, null).leadingKeywords(-1));
	}

	@Test
	void copyFromStdinWhenItCarriesData() {
		assertThat(new SqlStatement("COPY t FROM stdin", 1, "").isCopyFromStdin()).isTrue();
		assertThat(new SqlStatement("COPY t TO stdout", 1, null).isCopyFromStdin()).isFalse();
	}

}
