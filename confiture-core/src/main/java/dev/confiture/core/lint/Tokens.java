package dev.confiture.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.confiture.core.sql.SqlToken;

/**
 * A cursor over the tokens of one statement, with the small helpers the rules need.
 */
final class Tokens {

	private final List<SqlToken> tokens;

	private int position;

	Tokens(List<SqlToken> tokens) {
		this.tokens = tokens;
	}

	static Tokens of(String sql) {
		return new Tokens(SqlToken.tokenize(sql));
	}

	int position() {
		return this.position;
	}

	boolean atEnd() {
		return this.position >= this.tokens.size();
	}

	boolean is(String... words) {
		for (int i = 0; i < words.length; i++) {
			SqlToken token = get(this.position + i);
			if (token == null || !token.isWord(words[i])) {
				return false;
			}
		}
		return true;
	}

	/** Moves past the words if they come next. */
	boolean skip(String... words) {
		if (is(words)) {
			this.position += words.length;
			return true;
		}
		return false;
	}

	boolean isSymbol(char symbol) {
		SqlToken token = get(this.position);
		return token != null && token.isSymbol(symbol);
	}

	SqlToken next() {
		return this.tokens.get(this.position++);
	}

	/**
	 * Reads a possibly schema-qualified name, folded like PostgreSQL does; {@code null}
	 * if none.
	 */
	String name() {
		SqlToken first = get(this.position);
		if (first == null || first.identifier() == null) {
			return null;
		}
		StringBuilder name = new StringBuilder(first.identifier());
		this.position++;
		while (isSymbol('.') && get(this.position + 1) != null && get(this.position + 1).identifier() != null) {
			name.append('.').append(get(this.position + 1).identifier());
			this.position += 2;
		}
		return name.toString();
	}

	/** Reads comma-separated names. */
	List<String> names() {
		List<String> names = new ArrayList<>();
		do {
			skip("ONLY");
			String name = name();
			if (name == null) {
				break;
			}
			names.add(name);
			if (isSymbol('*')) {
				this.position++;
			}
		}
		while (isSymbol(',') && ++this.position > 0);
		return names;
	}

	/** The rest split at top-level commas. */
	List<Tokens> splitAtCommas() {
		List<Tokens> parts = new ArrayList<>();
		int depth = 0;
		int start = this.position;
		for (int i = this.position; i < this.tokens.size(); i++) {
			SqlToken token = this.tokens.get(i);
			if (token.isSymbol('(') || token.isSymbol('[')) {
				depth++;
			}
			else if (token.isSymbol(')') || token.isSymbol(']')) {
				depth--;
			}
			else if (depth == 0 && token.isSymbol(',')) {
				parts.add(new Tokens(this.tokens.subList(start, i)));
				start = i + 1;
			}
		}
		parts.add(new Tokens(this.tokens.subList(start, this.tokens.size())));
		this.position = this.tokens.size();
		return parts;
	}

	/**
	 * The tokens inside the parentheses that open here, moving past them; {@code null} if
	 * none.
	 */
	Tokens parenthesized() {
		if (!isSymbol('(')) {
			return null;
		}
		int depth = 0;
		for (int i = this.position; i < this.tokens.size(); i++) {
			SqlToken token = this.tokens.get(i);
			if (token.isSymbol('(')) {
				depth++;
			}
			else if (token.isSymbol(')') && --depth == 0) {
				Tokens inside = new Tokens(this.tokens.subList(this.position + 1, i));
				this.position = i + 1;
				return inside;
			}
		}
		return null;
	}

	/** Whether the words occur in sequence anywhere from here on (at any depth). */
	boolean contains(String... words) {
		for (int i = this.position; i < this.tokens.size(); i++) {
			boolean all = true;
			for (int j = 0; j < words.length && all; j++) {
				SqlToken token = get(i + j);
				all = token != null && token.isWord(words[j]);
			}
			if (all) {
				return true;
			}
		}
		return false;
	}

	/** Whether the word occurs from here on outside parentheses. */
	boolean containsAtTopLevel(String word) {
		int depth = 0;
		for (int i = this.position; i < this.tokens.size(); i++) {
			SqlToken token = this.tokens.get(i);
			if (token.isSymbol('(')) {
				depth++;
			}
			else if (token.isSymbol(')')) {
				depth--;
			}
			else if (depth == 0 && token.isWord(word)) {
				return true;
			}
		}
		return false;
	}

	/** The string literals from here on, without quotes (simple quoted strings only). */
	List<String> strings() {
		List<String> strings = new ArrayList<>();
		for (int i = this.position; i < this.tokens.size(); i++) {
			SqlToken token = this.tokens.get(i);
			if (token.type() == SqlToken.Type.STRING && token.text().startsWith("'")) {
				strings.add(token.text().substring(1, token.text().length() - 1).replace("''", "'"));
			}
		}
		return strings;
	}

	/** The remaining tokens as text, joined by single spaces. */
	String text() {
		StringBuilder text = new StringBuilder();
		for (int i = this.position; i < this.tokens.size(); i++) {
			SqlToken token = this.tokens.get(i);
			boolean tight = token.isSymbol('(') || token.isSymbol(')') || token.isSymbol(',') || token.isSymbol('.')
					|| (i > 0 && (this.tokens.get(i - 1).isSymbol('(') || this.tokens.get(i - 1).isSymbol('.')));
			if (text.length() > 0 && !tight) {
				text.append(' ');
			}
			text.append(token.text());
		}
		return text.toString();
	}

	/** The upper-cased word here, or an empty string. */
	String word() {
		SqlToken token = get(this.position);
		return (token != null && token.type() == SqlToken.Type.WORD) ? token.text().toUpperCase(Locale.ROOT) : "";
	}

	private SqlToken get(int index) {
		return (index >= 0 && index < this.tokens.size()) ? this.tokens.get(index) : null;
	}

}
