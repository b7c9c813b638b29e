package dev.confiture.core.migrate;

import dev.confiture.core.diff.DiffResult;

/**
 * What {@code generate} did.
 *
 * @param files the files written, or {@code null} when the diff found no change
 * @param diff the diff the files hold, or {@code null} for empty files
 */
public record GenerateResult(GeneratedMigration files, DiffResult diff) {

	/** Whether files were written. */
	public boolean written() {
		return this.files != null;
	}

}
