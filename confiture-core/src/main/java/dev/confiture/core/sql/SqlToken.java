package dev.confiture.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.confiture.core.sql.SqlLexer.Kind;

/**
 * One token of a SQL statement, as PostgreSQL's scanner sees it, for code that reads a
 * statement's structure without a full parser. Comments and whitespace are not tokens.
 *
 * @param type the kind of token
 * @param text the token as written (a quoted identifier with its quotes, a string with
 * its delimiters)
 * @param offset offset of the token's first character in the statement
 */
public record SqlToken(Type type, String text, int offset) {

	public SqlToken {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(text, "text");
	}

	/**
	 * Splits a statement into tokens, skipping comments. Text after an unterminated
	 * string, identifier or comment is left out.
	 * @param sql the statement text
	 * @return the tokens in order
	 */
	public static List<SqlToken> tokenize(String sql) {
		List<SqlToken> tokens = new ArrayList<>();
		SqlLexer lexer = new SqlLexer(sql, false);
		for (Kind kind = lexer.next(); kind != Kind.END && kind != Kind.UNTERMINATED; kind = lexer.next()) {
			Type type = switch (kind) {
				case WORD -> Type.WORD;
				case QUOTED_IDENTIFIER -> Type.QUOTED_IDENTIFIER;
				case STRING -> Type.STRING;
				default -> Type.SYMBOL;
			};
			tokens.add(new SqlToken(type, lexer.text(), lexer.start()));
		}
		return tokens;
	}

	/**
	 * Whether this token is the given keyword, compared as PostgreSQL compares keywords
	 * (ASCII letters case-insensitively).
	 * @param keyword the keyword in upper case
	 * @return whether the token is that keyword
	 */
	public boolean isWord(String keyword) {
		return this.type == Type.WORD && this.text.length() == keyword.length() && upperCase(this.text).equals(keyword);
	}

	/**
	 * Whether this token is the given single symbol character.
	 * @param symbol the character
	 * @return whether the token is that symbol
	 */
	public boolean isSymbol(char symbol) {
		return this.type == Type.SYMBOL && this.text.length() == 1 && this.text.charAt(0) == symbol;
	}

	/**
	 * The identifier this token names, as PostgreSQL resolves it: an unquoted word with
	 * its ASCII letters folded to lower case, a quoted identifier without its quotes.
	 * @return the identifier, or {@code null} if this token is not a word or quoted
	 * identifier
	 */
	public String identifier() {
		if (this.type == Type.WORD) {
			StringBuilder folded = new StringBuilder(this.text.length());
			for (int i = 0; i < this.text.length(); i++) {
				char c = this.text.charAt(i);
				folded.append((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c);
			}
			return folded.toString();
		}
		if (this.type == Type.QUOTED_IDENTIFIER) {
			return this.text.substring(1, this.text.length() - 1).replace("\"\"", "\"");
		}
		return null;
	}

	private static String upperCase(String word) {
		StringBuilder upper = new StringBuilder(word.length());
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			upper.append((c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c);
		}
		return upper.toString();
	}

	/**
	 * Kinds of token.
	 */
	public enum Type {

		/** A keyword, an unquoted identifier or a number. */
		WORD,

		/** A double-quoted identifier. */
		QUOTED_IDENTIFIER,

		/** A string literal: quoted, escape ({@code E'...'}) or dollar-quoted. */
		STRING,

		/** Any other single character: punctuation or part of an operator. */
		SYMBOL

	}

}
