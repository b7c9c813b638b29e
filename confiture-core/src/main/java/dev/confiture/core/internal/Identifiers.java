package dev.confiture.core.internal;

/**
 * Quotes PostgreSQL identifiers and literals: the one helper every package that writes
 * SQL uses.
 */
public final class Identifiers {

	private Identifiers() {
	}

	/**
	 * Quotes an identifier, always: {@code a"b} becomes {@code "a""b"}.
	 * @param identifier the name
	 * @return the quoted identifier
	 */
	public static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	/**
	 * Quotes an identifier only when it is not a plain lower-case name, so that a
	 * configured name such as {@code confiture_migrations} reads as the user wrote it.
	 * @param identifier the name
	 * @return the identifier, quoted when needed
	 */
	public static String quoteIfNeeded(String identifier) {
		return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : quote(identifier);
	}

	/**
	 * The unquoted text of a quoted identifier.
	 * @param identifier a name as {@code quote_ident} gives it
	 * @return the name itself
	 */
	public static String unquote(String identifier) {
		if (identifier.length() >= 2 && identifier.startsWith("\"") && identifier.endsWith("\"")) {
			return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
		}
		return identifier;
	}

	/**
	 * A string literal: {@code it's} becomes {@code 'it''s'}.
	 * @param text the text
	 * @return the quoted literal
	 */
	public static String literal(String text) {
		return '\'' + text.replace("'", "''") + '\'';
	}

}
