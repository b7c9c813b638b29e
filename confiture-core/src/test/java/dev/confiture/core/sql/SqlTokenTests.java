package dev.confiture.core.sql;

import org.junit.jupiter.api.Test;

import dev.confiture.core.sql.SqlToken.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SqlTokenTests {

	@Test
	void tokenizeSkipsCommentsAndKeepsQuotedTextWhole() {
		assertThat(SqlToken.tokenize("ALTER /* a; */ TABLE \"My \"\"T\"\" \" -- x\n ADD c text DEFAULT $q$;'$q$"))
			.extracting(SqlToken::type, SqlToken::text)
			.containsExactly(tuple(Type.WORD, "ALTER"), tuple(Type.WORD, "TABLE"),
					tuple(Type.QUOTED_IDENTIFIER, "\"My \"\"T\"\" \""), tuple(Type.WORD, "ADD"), tuple(Type.WORD, "c"),
					tuple(Type.WORD, "text"), tuple(Type.WORD, "DEFAULT"), tuple(Type.STRING, "$q$;'$q$"));
	}

	@Test
	void identifiersFoldLikePostgres() {
		assertThat(SqlToken.tokenize("Users \"Users\" \"a\"\"b\" 'x' ;")).extracting(SqlToken::identifier)
			.containsExactly("users", "Users", "a\"b", null, null);
		assertThat(SqlToken.tokenize("create").get(0).isWord("CREATE")).isTrue();
		assertThat(SqlToken.tokenize("(").get(0).isSymbol('(')).isTrue();
	}

	@Test
	void unterminatedTextEndsTheTokens() {
		assertThat(SqlToken.tokenize("users'; DROP TABLE x")).extracting(SqlToken::text).containsExactly("users");
	}

}
