package dev.confiture.core.lint;

import java.nio.file.Path;
import java.util.List;

import dev.confiture.core.server.PostgresServer;

/**
 * What {@code migrate lint} checks and how.
 *
 * @param files migration files to lint; empty for the pending migrations (every migration when
 * the database cannot be reached)
 * @param measure whether to run the statements on a shadow database ({@code false}: text and
 * rules only)
 * @param shadowServer where the shadow database is created; {@code null} for the environment's
 * database server, else a test server
 */
public record LintOptions(List<Path> files, boolean measure, PostgresServer shadowServer) {

	public LintOptions {
		files = (files != null) ? List.copyOf(files) : List.of();
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
		return new LintOptions(this.files, false, this.shadowServer);
	}

}
