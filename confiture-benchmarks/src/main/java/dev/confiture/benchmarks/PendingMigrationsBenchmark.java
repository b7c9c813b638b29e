package dev.confiture.benchmarks;

import java.util.List;

import dev.confiture.benchmarks.generate.GeneratedHistory;
import dev.confiture.benchmarks.generate.TinyMigrationsGenerator;

/**
 * Issue 3 (b): applying 500 tiny pending migrations, {@code confiture migrate up} against
 * Flyway {@code migrate}, the same SQL in each file. Target: no slower than Flyway.
 */
final class PendingMigrationsBenchmark implements Benchmark {

	static final String CONFITURE = "Confiture migrate up";

	static final String FLYWAY = "Flyway migrate";

	private static final int MIGRATIONS = 500;

	@Override
	public String name() {
		return "pending-migrations-vs-flyway";
	}

	@Override
	public String summary() {
		return "confiture migrate up vs Flyway migrate of 500 tiny pending migrations";
	}

	@Override
	public int defaultWarmups() {
		return 2;
	}

	@Override
	public int defaultRuns() {
		return 7;
	}

	@Override
	public Scenario prepare(BenchmarkContext context) {
		TinyMigrationsGenerator generator = new TinyMigrationsGenerator(MIGRATIONS);
		GeneratedHistory history = generator.write(context.workDirectory().resolve(name()));
		DatabaseCheck tables = DatabaseCheck.tables("^tiny_[0-9]{3}$", generator.tableCount());
		String description = MIGRATIONS + " pending migrations of one statement each: every fifth creates a "
				+ "one-column table, the others add an integer column to it (" + generator.tableCount()
				+ " tables). Each tool starts from an empty database without its tracking table, so it also creates "
				+ "it; one transaction per migration for both.";
		return new Scenario(description,
				List.of(new ConfitureMigrateContender(CONFITURE, context.server(),
						tables.and(DatabaseCheck.rows("confiture_migrations", "kind = 'sql'", MIGRATIONS)),
						history.confitureProject().migrationsDirectory(), MIGRATIONS),
						new FlywayContender(FLYWAY, context.server(),
								tables.and(DatabaseCheck.rows("flyway_schema_history", "success", MIGRATIONS)),
								history.flywayLocationSpec(), MIGRATIONS)),
				FLYWAY, Target.ratioAtMost("no slower than Flyway", CONFITURE, FLYWAY, 1.0),
				List.of("Measured: the Java API call of each tool, from configuration to the last commit, connections "
						+ "included (Flyway: Flyway.configure()...load().migrate(); Confiture: Migrator.builder()..."
						+ "build().up(), which holds an advisory lock on a second connection). Not measured: "
						+ "CREATE/DROP DATABASE around each repetition."));
	}

}
