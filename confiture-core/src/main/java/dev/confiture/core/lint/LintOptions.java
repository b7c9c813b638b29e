package dev.confiture.core.lint;

import java.nio.file.Path;
import java.util.List;

import dev.confiture.core.server.PostgresServer;

/**
 * What {@code migrate lint} checks and how.
 *
 * @param files migration files to lint; empty for the pending migrations (every migration
 * when the database cannot be reached)
 * @param measure whether to run the statements on a shadow database ({@code false}: text
 * and rules only)
 * @param shadowServer where the shadow database is created; {@code null} for the
 * environment's database server, else a test server
 * @param baseRef with {@code files} empty: lint the migrations added since the merge base
 * of this git ref and HEAD, or {@code null}
 * @param staged with {@code files} empty: lint the migrations added in the git index
 */
public record LintOptions(List<Path> files, boolean measure, PostgresServer shadowServer, String baseRef,
		boolean staged) {

	public LintOptions {
		files = (files != null) ? List.copyOf(files) : List.of();
	}

	/**
	 * Files (or the pending migrations), measured or not, on a shadow server.
	 * @param files the files, empty for the pending migrations
	 * @param measure whether to run them on a shadow database
	 * @param shadowServer the shadow server, or {@code null} for the default
	 */
	public LintOptions(List<Path> files, boolean measure, PostgresServer shadowServer) {
		this(files, measure, shadowServer, null, false);
	}

	/** Whether the files come from git: added since a base ref, or staged. */
	public boolean fromGit() {
		return this.files.isEmpty() && (this.baseRef != null || this.staged);
	}

	/** The pending migrations, measured. */
	public static LintOptions defaults() {
		return new LintOptions(List.of(), true, null);
	}

	/** The given files, measured on the default shadow server. */
	public static LintOptions files(List<Path> files) {
		return new LintOptions(files, true, null);
	}

	/** The same files and server, text and rules only. */
	public LintOptions staticOnly() {
		return new LintOptions(this.files, false, this.shadowServer, this.baseRef, this.staged);
	}

}
