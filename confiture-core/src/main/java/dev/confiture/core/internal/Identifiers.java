package dev.confiture.core.internal;

import org.jspecify.annotations.Nullable;

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
	 * The name PostgreSQL stores for an identifier as written in SQL: a quoted one
	 * unquoted, an unquoted one folded to lower case.
	 * @param identifier the identifier as written
	 * @return the stored name
	 */
	public static String fold(String identifier) {
		return identifier.startsWith("\"") ? unquote(identifier) : identifier.toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Splits {@code schema.name} (each part possibly quoted) at the last dot outside
	 * quotes.
	 * @param qualified the qualified name
	 * @return the quoted schema (or {@code null} when there is no dot) and the quoted
	 * name
	 */
	public static @Nullable String[] splitQualified(String qualified) {
		boolean quoted = false;
		for (int i = qualified.length() - 1; i >= 0; i--) {
			char c = qualified.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '.' && !quoted) {
				return new String[] { qualified.substring(0, i), qualified.substring(i + 1) };
			}
		}
		return new String[] { null, qualified };
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
