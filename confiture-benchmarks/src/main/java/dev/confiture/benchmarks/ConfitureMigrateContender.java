package dev.confiture.benchmarks;

import java.nio.file.Path;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.PostgresServer;

/**
 * {@code confiture migrate up} through the Java API ({@link Migrator}), in this JVM, with
 * its defaults: advisory lock on its own connection, checksum verification, one
 * transaction per migration with its tracking row.
 */
final class ConfitureMigrateContender extends DatabaseContender {

	private final Path migrationsDirectory;

	private final int expectedMigrations;

	ConfitureMigrateContender(String name, PostgresServer server, DatabaseCheck check, Path migrationsDirectory,
			int expectedMigrations) {
		super(name, server, check);
		this.migrationsDirectory = migrationsDirectory;
		this.expectedMigrations = expectedMigrations;
	}

	@Override
	void run(ConnectionSettings database) {
		MigrationRun run = Migrator.builder()
			.database(database)
			.migrationsDirectory(this.migrationsDirectory)
			.build()
			.up();
		if (run.doneCount() != this.expectedMigrations) {
			throw new IllegalStateException(
					"Confiture applied " + run.doneCount() + " migrations, expected " + this.expectedMigrations);
		}
	}

}
