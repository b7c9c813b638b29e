package dev.confiture.maven;

import java.util.List;
import java.util.Locale;

import dev.confiture.core.migrate.Direction;
import dev.confiture.core.migrate.ExecutedMigration;
import dev.confiture.core.migrate.ExecutedMigration.Outcome;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationListener;

/**
 * Logs migration progress with the command line's words: {@code Found 1 pending
 * migration(s)}, then one line per migration,
 * {@code Applying 001_add_user_bio... ok (12 ms)}.
 */
final class MigrationProgress implements MigrationListener {

	private final MavenOutput output;

	MigrationProgress(MavenOutput output) {
		this.output = output;
	}

	@Override
	public void planned(Direction direction, List<MigrationInfo> migrations, int pending) {
		if (migrations.isEmpty()) {
			return;
		}
		if (direction == Direction.UP) {
			this.output.info(String.format(Locale.ROOT, "Found %d pending migration(s)%s", pending,
					(migrations.size() < pending) ? ", applying " + migrations.size() : ""));
		}
		else {
			this.output.info(String.format(Locale.ROOT, "Rolling back %d migration(s)", migrations.size()));
		}
	}

	@Override
	public void completed(ExecutedMigration migration) {
		String verb = (migration.direction() == Direction.DOWN) ? "Rolling back " : "Applying ";
		if (migration.outcome() == Outcome.NOT_RUN) {
			return;
		}
		this.output.info(String.format(Locale.ROOT, "%s%s... ok (%d ms)", verb, migration.migration().displayName(),
				migration.executionMs()));
	}

	@Override
	public void failed(Direction direction, MigrationInfo migration, RuntimeException failure) {
		String verb = (direction == Direction.DOWN) ? "Rolling back " : "Applying ";
		this.output.error(verb + migration.displayName() + "... failed");
	}

	@Override
	public void warning(String message) {
		this.output.warn(message);
	}

}
