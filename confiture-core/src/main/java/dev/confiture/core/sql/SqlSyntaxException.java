package dev.confiture.core.sql;

import dev.confiture.core.api.ConfitureException;

/**
 * Thrown when a SQL script cannot be split into statements: an unterminated string,
 * quoted identifier, dollar quote or block comment, {@code COPY ... FROM stdin} data
 * without a terminating {@code \.} line, or a psql meta-command. The message reads
 * {@code <source>:<line>: <problem>}.
 */
public class SqlSyntaxException extends ConfitureException {

	private final String source;

	private final int line;

	SqlSyntaxException(String source, int line, String problem, String hint) {
		super(Category.SCHEMA, source + ":" + line + ": " + problem, hint);
		this.source = source;
		this.line = line;
	}

	/** Where the script came from, usually a file path. */
	public String source() {
		return this.source;
	}

	/** The 1-based line of the problem in the script. */
	public int line() {
		return this.line;
	}

}
