package dev.confiture.benchmarks;

import org.flywaydb.core.Flyway;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;

/**
 * Flyway {@code migrate} through its Java API with its defaults (one transaction per
 * migration, validate on migrate), configured and loaded inside the measured time. Its
 * log is sent to SLF4J, which is silent here, so that console output costs nothing.
 */
final class FlywayContender extends DatabaseContender {

	private final String location;

	private final int expectedMigrations;

	FlywayContender(String name, PostgresServer server, DatabaseCheck check, String location, int expectedMigrations) {
		super(name, server, check);
		this.location = location;
		this.expectedMigrations = expectedMigrations;
	}

	@Override
	void run(ConnectionSettings database) {
		int executed = Flyway.configure()
			.dataSource(database.jdbcUrl(), database.user(), database.password())
			.locations(this.location)
			.loggers("slf4j")
			.load()
			.migrate().migrationsExecuted;
		if (executed != this.expectedMigrations) {
			throw new IllegalStateException(
					"Flyway executed " + executed + " migrations, expected " + this.expectedMigrations);
		}
	}

}
