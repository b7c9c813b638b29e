package dev.confiture.cli;

/**
 * Output formats of reporting commands.
 */
enum OutputFormat {

	/** Text for people. */
	TEXT,

	/** One JSON document on standard output, for scripts and CI. */
	JSON

}
