package dev.confiture.core.diff;

import dev.confiture.core.internal.Identifiers;

/**
 * Helpers for the quoted, schema-qualified names of the catalog.
 */
final class Names {

	private Names() {
	}

	/**
	 * The unquoted text of a quoted identifier.
	 * @param identifier a name as {@code quote_ident} gives it
	 * @return the name itself
	 */
	static String unquote(String identifier) {
		return Identifiers.unquote(identifier);
	}

	/**
	 * Quotes an identifier, always.
	 * @param name the name
	 * @return the quoted identifier
	 */
	static String quote(String name) {
		return Identifiers.quote(name);
	}

	/**
	 * A string literal.
	 * @param text the text
	 * @return the quoted literal
	 */
	static String literal(String text) {
		return Identifiers.literal(text);
	}

}
