package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import dev.confiture.core.migrate.Direction;
import dev.confiture.core.migrate.ExecutedMigration;
import dev.confiture.core.migrate.ExecutedMigration.Outcome;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationListener;

/**
 * Prints migration progress as in the seed walkthroughs: {@code Found 1 pending
 * migration(s)}, then {@code Applying 001_add_user_bio... ok (12 ms)}. Warnings go to
 * standard error. Prints nothing but warnings in JSON mode.
 */
final class MigrationProgress implements MigrationListener {

	private final PrintWriter out;

	private final PrintWriter err;

	private final boolean text;

	private final boolean dryRun;

	MigrationProgress(PrintWriter out, PrintWriter err, boolean text, boolean dryRun) {
		this.out = out;
		this.err = err;
		this.text = text;
		this.dryRun = dryRun;
	}

	@Override
	public void planned(Direction direction, List<MigrationInfo> migrations, int pending) {
		if (!this.text || migrations.isEmpty()) {
			return;
		}
		if (direction == Direction.UP) {
			this.out.printf(Locale.ROOT, "Found %d pending migration(s)%s%n", pending,
					(migrations.size() < pending) ? ", applying " + migrations.size() : "");
			if (this.dryRun) {
				this.out.println("Dry run: running them in one transaction, then rolling everything back");
			}
		}
		else {
			this.out.printf(Locale.ROOT, "Rolling back %d migration(s)%n", migrations.size());
		}
		this.out.println();
		this.out.flush();
	}

	@Override
	public void started(Direction direction, MigrationInfo migration) {
		if (this.text) {
			String verb = (direction == Direction.DOWN) ? "Rolling back " : this.dryRun ? "Running " : "Applying ";
			this.out.print(verb + migration.displayName() + "... ");
			this.out.flush();
		}
	}

	@Override
	public void completed(ExecutedMigration migration) {
		if (!this.text) {
			return;
		}
		if (migration.outcome() == Outcome.NOT_RUN) {
			this.out.println("Skipping " + migration.migration().displayName()
					+ ": it cannot run in a transaction, so the dry run does not run it");
		}
		else {
			this.out.printf(Locale.ROOT, "ok (%d ms%s)%n", migration.executionMs(),
					(migration.outcome() == Outcome.ROLLED_BACK)
							? ", " + migration.statements() + " statement(s), " + migration.rowsAffected() + " row(s)"
							: "");
		}
		this.out.flush();
	}

	@Override
	public void failed(Direction direction, MigrationInfo migration, RuntimeException failure) {
		if (this.text) {
			this.out.println("failed");
			this.out.flush();
		}
	}

	@Override
	public void warning(String message) {
		if (this.text) {
			this.err.println("Warning: " + message);
			this.err.flush();
		}
	}

}
