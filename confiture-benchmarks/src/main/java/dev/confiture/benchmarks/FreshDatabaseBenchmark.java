package dev.confiture.benchmarks;

import java.util.List;

import dev.confiture.benchmarks.generate.EvolvingSchemaGenerator;
import dev.confiture.benchmarks.generate.GeneratedHistory;

/**
 * Issue 3 (a): a fresh database from the final schema ({@code confiture build}) against
 * Flyway replaying the 500 migrations that reach it. Target: Confiture 5x faster or more.
 */
final class FreshDatabaseBenchmark implements Benchmark {

	static final String CONFITURE = "Confiture build (final schema)";

	static final String FLYWAY = "Flyway migrate (500 migrations)";

	private static final int TABLES = 100;

	@Override
	public String name() {
		return "fresh-db-vs-flyway";
	}

	@Override
	public String summary() {
		return "confiture build of the final schema vs Flyway replaying 500 migrations";
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
		EvolvingSchemaGenerator generator = new EvolvingSchemaGenerator(TABLES);
		GeneratedHistory history = generator.write(context.workDirectory().resolve(name()));
		int migrations = history.migrationCount();
		DatabaseCheck schema = DatabaseCheck.tables("^h[0-9]{3}_", TABLES)
			.and(DatabaseCheck.indexes("^h[0-9]{3}_.*_created_at_idx$", TABLES));
		String description = migrations + " migrations: " + TABLES + " tables (identity key, text, numeric, jsonb, "
				+ "timestamptz, a foreign key to the previous table), each followed by four alterations (add column, "
				+ "add index, change default, add CHECK). Confiture builds the equivalent final schema (" + TABLES
				+ " files) and baselines the same " + migrations + " migrations (as Confiture files in db/migrations) "
				+ "in its build transaction; Flyway replays the " + migrations + " V__ files.";
		return new Scenario(description,
				List.of(new ConfitureBuildContender(CONFITURE, context.server(),
						schema.and(DatabaseCheck.rows("confiture_migrations", "kind = 'baseline'", migrations)),
						history.confitureProject()),
						new FlywayContender(FLYWAY, context.server(),
								schema.and(DatabaseCheck.rows("flyway_schema_history", "success", migrations)),
								history.flywayLocationSpec(), migrations)),
				FLYWAY, Target.ratioAtMost("Confiture 5x faster or more", CONFITURE, FLYWAY, 0.2),
				List.of("Measured: the Java API call of each tool, from configuration to the last commit, connections "
						+ "included (Flyway: Flyway.configure()...load().migrate(); Confiture: Confiture.configure()..."
						+ "load().build()). Not measured: CREATE/DROP DATABASE around each repetition."));
	}

}
