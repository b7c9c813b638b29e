package dev.confiture.core.lint;

/**
 * How serious a lint finding is.
 */
public enum LintSeverity {

	/**
	 * Blocks reads or writes of an existing table while it is scanned or rewritten, loses
	 * data or breaks the running release.
	 */
	ERROR,

	/** A brief lock without a timeout, or a type that is better avoided. */
	WARNING

}
