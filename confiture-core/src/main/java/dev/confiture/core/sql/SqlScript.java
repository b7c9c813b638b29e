package dev.confiture.core.sql;

import java.util.List;
import java.util.Objects;

/**
 * Splits SQL scripts into statements the way {@code psql} does, without running anything.
 * Semicolons end statements except inside strings ({@code '...'}, {@code E'...'},
 * {@code U&'...'}), quoted identifiers, dollar-quoted bodies, comments, parentheses and
 * SQL-standard {@code BEGIN ATOMIC ... END} function bodies. {@code COPY ... FROM stdin}
 * statements take the data lines that follow them up to a {@code \.} line. Strings follow
 * {@code standard_conforming_strings = on}, PostgreSQL's default.
 */
public final class SqlScript {

	private SqlScript() {
	}

	/**
	 * Split a script into its statements. A UTF-8 byte order mark is ignored; lines may
	 * end with LF, CRLF or CR. Empty statements are skipped, and the last statement needs
	 * no terminating semicolon.
	 * @param source where the script came from, used in error messages (usually a path)
	 * @param text the script
	 * @return the statements in order, empty if the script holds only comments
	 * @throws SqlSyntaxException if the script cannot be split
	 */
	public static List<SqlStatement> split(String source, String text) {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(text, "text");
		String script = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		return new ScriptSplitter(source, script).split();
	}

}
