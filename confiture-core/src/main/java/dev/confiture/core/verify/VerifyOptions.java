package dev.confiture.core.verify;

/**
 * How to verify a database against its schema files: today always the schema files without
 * the seeds, built on the configured shadow server.
 */
public record VerifyOptions() {

	/** The only way there is today. */
	public static VerifyOptions defaults() {
		return new VerifyOptions();
	}

}
