package dev.confiture.core.sql;

/**
 * Splits SQL text into the tokens that matter for finding statement boundaries, following
 * the lexical rules of PostgreSQL's own scanner ({@code scan.l}) with
 * {@code standard_conforming_strings} on. Whitespace is skipped; comments are skipped or
 * returned. A single pass over the text with no backtracking.
 */
final class SqlLexer {

	private final String text;

	private final int length;

	private final boolean returnComments;

	private int position;

	private Kind kind;

	private int start;

	private int end;

	private String problem;

	private String hint;

	SqlLexer(String text, boolean returnComments) {
		this.text = text;
		this.length = text.length();
		this.returnComments = returnComments;
	}

	/**
	 * Moves to the next token.
	 * @return the kind of the token, {@link Kind#END} at the end of the text
	 */
	Kind next() {
		for (;;) {
			skipWhitespace();
			this.start = this.position;
			if (this.position >= this.length) {
				return token(Kind.END, this.length);
			}
			char c = this.text.charAt(this.position);
			char following = charAt(this.position + 1);
			if (c == '-' && following == '-') {
				int stop = lineEnd(this.position);
				if (this.returnComments) {
					return token(Kind.LINE_COMMENT, stop);
				}
				this.position = stop;
			}
			else if (c == '/' && following == '*') {
				int stop = blockCommentEnd();
				if (stop < 0) {
					return unterminated("block comment is not terminated",
							"Close it with */; block comments nest, so each /* needs its own */.");
				}
				if (this.returnComments) {
					return token(Kind.BLOCK_COMMENT, stop);
				}
				this.position = stop;
			}
			else {
				return scanToken(c, following);
			}
		}
	}

	private Kind scanToken(char c, char following) {
		if (c == '\'') {
			return quoted('\'', Kind.STRING, "string literal is not terminated",
					"Close the string with a single quote; write a quote inside a string as ''.");
		}
		if (c == '"') {
			return quoted('"', Kind.QUOTED_IDENTIFIER, "quoted identifier is not terminated",
					"Close the identifier with a double quote; write a double quote inside it as \"\".");
		}
		if (c == '$') {
			return dollar();
		}
		if (c == '\\') {
			int stop = this.position + 1;
			while (stop < this.length && !isWhitespace(this.text.charAt(stop))) {
				stop++;
			}
			return token(Kind.META_COMMAND, stop);
		}
		if (isIdentifierStart(c)) {
			if ((c == 'E' || c == 'e') && following == '\'') {
				return escapeString();
			}
			int stop = this.position + 1;
			while (stop < this.length && isIdentifierPart(this.text.charAt(stop))) {
				stop++;
			}
			return token(Kind.WORD, stop);
		}
		if (c >= '0' && c <= '9') {
			int stop = this.position + 1;
			while (stop < this.length && isNumberPart(this.text.charAt(stop))) {
				stop++;
			}
			return token(Kind.WORD, stop);
		}
		return token(Kind.SYMBOL, this.position + 1);
	}

	private Kind quoted(char quote, Kind quotedKind, String unterminatedProblem, String unterminatedHint) {
		int index = this.position + 1;
		for (;;) {
			index = this.text.indexOf(quote, index);
			if (index < 0) {
				return unterminated(unterminatedProblem, unterminatedHint);
			}
			if (charAt(index + 1) != quote) {
				return token(quotedKind, index + 1);
			}
			index += 2;
		}
	}

	private Kind escapeString() {
		int index = this.position + 2;
		while (index < this.length) {
			char c = this.text.charAt(index);
			if (c == '\\') {
				index += 2;
			}
			else if (c == '\'' && charAt(index + 1) == '\'') {
				index += 2;
			}
			else if (c == '\'') {
				return token(Kind.STRING, index + 1);
			}
			else {
				index++;
			}
		}
		return unterminated("escape string literal is not terminated",
				"Close the string with a single quote; inside E'...' write a quote as \\' or ''.");
	}

	private Kind dollar() {
		int index = this.position + 1;
		if (index < this.length && isDollarTagStart(this.text.charAt(index))) {
			index++;
			while (index < this.length && isDollarTagPart(this.text.charAt(index))) {
				index++;
			}
		}
		if (charAt(index) != '$') {
			return token(Kind.SYMBOL, this.position + 1);
		}
		String tag = this.text.substring(this.position, index + 1);
		int close = this.text.indexOf(tag, index + 1);
		if (close < 0) {
			return unterminated("dollar-quoted string " + tag + " is not terminated",
					"Close the body with the same tag " + tag + "; tags are case-sensitive.");
		}
		return token(Kind.STRING, close + tag.length());
	}

	private int blockCommentEnd() {
		int depth = 1;
		int index = this.position + 2;
		while (index < this.length) {
			char c = this.text.charAt(index);
			char following = charAt(index + 1);
			if (c == '/' && following == '*') {
				depth++;
				index += 2;
			}
			else if (c == '*' && following == '/') {
				index += 2;
				if (--depth == 0) {
					return index;
				}
			}
			else {
				index++;
			}
		}
		return -1;
	}

	private void skipWhitespace() {
		while (this.position < this.length && isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private int lineEnd(int from) {
		int index = from;
		while (index < this.length) {
			char c = this.text.charAt(index);
			if (c == '\n' || c == '\r') {
				break;
			}
			index++;
		}
		return index;
	}

	private char charAt(int index) {
		return (index < this.length) ? this.text.charAt(index) : '\0';
	}

	private Kind token(Kind tokenKind, int stop) {
		this.kind = tokenKind;
		this.end = stop;
		this.position = stop;
		return tokenKind;
	}

	private Kind unterminated(String description, String whatToDo) {
		this.problem = description;
		this.hint = whatToDo;
		return token(Kind.UNTERMINATED, this.length);
	}

	/** Continues scanning at the given offset, e.g. after the data of a COPY. */
	void resume(int offset) {
		this.position = offset;
	}

	Kind kind() {
		return this.kind;
	}

	/** Offset of the first character of the current token. */
	int start() {
		return this.start;
	}

	/** Offset just after the last character of the current token. */
	int end() {
		return this.end;
	}

	/** What is wrong, for an {@link Kind#UNTERMINATED} token. */
	String problem() {
		return this.problem;
	}

	/** What to do about it, for an {@link Kind#UNTERMINATED} token. */
	String hint() {
		return this.hint;
	}

	/** The text of the current token. */
	String text() {
		return this.text.substring(this.start, this.end);
	}

	/** Whether the current token is a single symbol character. */
	boolean isSymbol(char symbol) {
		return this.kind == Kind.SYMBOL && this.text.charAt(this.start) == symbol;
	}

	/**
	 * Whether the current token is the given word, compared as PostgreSQL compares
	 * keywords (ASCII letters case-insensitively).
	 * @param keyword the keyword in upper case
	 * @return whether the current token is that keyword
	 */
	boolean isWord(String keyword) {
		if (this.kind != Kind.WORD || this.end - this.start != keyword.length()) {
			return false;
		}
		for (int i = 0; i < keyword.length(); i++) {
			if (toUpperCase(this.text.charAt(this.start + i)) != keyword.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The current word with its ASCII letters in upper case, as PostgreSQL folds
	 * keywords.
	 */
	String upperCaseWord() {
		StringBuilder word = new StringBuilder(this.end - this.start);
		for (int i = this.start; i < this.end; i++) {
			word.append(toUpperCase(this.text.charAt(i)));
		}
		return word.toString();
	}

	private static char toUpperCase(char c) {
		return (c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c;
	}

	static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
	}

	private static boolean isNumberPart(char c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9');
	}

	private static boolean isDollarTagStart(char c) {
		return isIdentifierStart(c);
	}

	private static boolean isDollarTagPart(char c) {
		return isIdentifierStart(c) || (c >= '0' && c <= '9');
	}

	/**
	 * Kinds of token.
	 */
	enum Kind {

		/** A keyword, an unquoted identifier or a number. */
		WORD,

		/** A string literal: quoted, escape ({@code E'...'}) or dollar-quoted. */
		STRING,

		/** A double-quoted identifier. */
		QUOTED_IDENTIFIER,

		/** Any other single character: punctuation or part of an operator. */
		SYMBOL,

		/** A {@code --} comment, only when comments are returned. */
		LINE_COMMENT,

		/** A (possibly nested) block comment, only when comments are returned. */
		BLOCK_COMMENT,

		/** A backslash outside quotes and comments: a psql meta-command. */
		META_COMMAND,

		/** A string, identifier or comment that runs to the end of the text. */
		UNTERMINATED,

		/** The end of the text. */
		END

	}

}
