package dev.confiture.core.coordinate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.confiture.core.sql.SqlToken;

/**
 * A cursor over the tokens of one statement, or of one element of a parenthesised or
 * comma-separated list.
 */
final class DdlTokens {

	private final List<SqlToken> tokens;

	private int index;

	DdlTokens(List<SqlToken> tokens) {
		this.tokens = tokens;
	}

	boolean atEnd() {
		return this.index >= this.tokens.size();
	}

	void skip() {
		this.index++;
	}

	boolean peekWord(String keyword) {
		return !atEnd() && this.tokens.get(this.index).isWord(keyword);
	}

	boolean peekAnyWord(Set<String> keywords) {
		return !atEnd() && keywords.stream().anyMatch(this::peekWord);
	}

	boolean word(String keyword) {
		if (peekWord(keyword)) {
			this.index++;
			return true;
		}
		return false;
	}

	boolean anyWord(Set<String> keywords) {
		return peekAnyWord(keywords) && word(this.tokens.get(this.index).text().toUpperCase(Locale.ROOT));
	}

	/** Consumes the keywords if all of them come next, in order. */
	boolean words(String... keywords) {
		for (int i = 0; i < keywords.length; i++) {
			int at = this.index + i;
			if (at >= this.tokens.size() || !this.tokens.get(at).isWord(keywords[i])) {
				return false;
			}
		}
		this.index += keywords.length;
		return true;
	}

	boolean symbol(char symbol) {
		if (!atEnd() && this.tokens.get(this.index).isSymbol(symbol)) {
			this.index++;
			return true;
		}
		return false;
	}

	/** Consumes one identifier (word or quoted identifier). */
	String identifier() {
		if (atEnd()) {
			return null;
		}
		String identifier = this.tokens.get(this.index).identifier();
		if (identifier != null) {
			this.index++;
		}
		return identifier;
	}

	/** Consumes a name: identifiers separated by dots. */
	DdlName name() {
		int start = this.index;
		List<String> parts = new ArrayList<>();
		do {
			String part = identifier();
			if (part == null) {
				this.index = start;
				return null;
			}
			parts.add(part);
		}
		while (symbol('.'));
		return new DdlName(parts);
	}

	/** Skips a parenthesised group if one comes next. */
	void skipParentheses() {
		if (atEnd() || !this.tokens.get(this.index).isSymbol('(')) {
			return;
		}
		int depth = 0;
		do {
			SqlToken token = this.tokens.get(this.index++);
			depth += token.isSymbol('(') ? 1 : token.isSymbol(')') ? -1 : 0;
		}
		while (depth > 0 && !atEnd());
	}

	/**
	 * The comma-separated elements up to the closing parenthesis of the current level (or
	 * to the end), consuming them.
	 */
	List<DdlTokens> elements() {
		List<DdlTokens> elements = new ArrayList<>();
		int depth = 0;
		int start = this.index;
		while (!atEnd()) {
			SqlToken token = this.tokens.get(this.index);
			if (token.isSymbol('(')) {
				depth++;
			}
			else if (token.isSymbol(')') && depth-- == 0) {
				break;
			}
			else if (token.isSymbol(',') && depth == 0) {
				elements.add(new DdlTokens(this.tokens.subList(start, this.index)));
				start = this.index + 1;
			}
			this.index++;
		}
		elements.add(new DdlTokens(this.tokens.subList(start, this.index)));
		this.index = Math.min(this.index + 1, this.tokens.size());
		return elements;
	}

	String describeNext() {
		return atEnd() ? "without an object type" : this.tokens.get(this.index).text().toUpperCase(Locale.ROOT);
	}

}
