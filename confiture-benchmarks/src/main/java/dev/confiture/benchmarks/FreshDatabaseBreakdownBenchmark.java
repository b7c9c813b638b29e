package dev.confiture.benchmarks;

import java.util.List;

import dev.confiture.benchmarks.generate.ConfitureProject;
import dev.confiture.benchmarks.generate.EvolvingSchemaGenerator;
import dev.confiture.benchmarks.generate.GeneratedHistory;

/**
 * A diagnostic for {@code fresh-db-vs-flyway}: where Confiture's build of the final
 * schema spends its time. The same final schema built by Confiture with the 500-migration
 * baseline, by Confiture without migrations, and by plain JDBC (one statement per round
 * trip, then one round trip for everything), the last being PostgreSQL's own DDL time
 * plus one connection.
 */
final class FreshDatabaseBreakdownBenchmark implements Benchmark {

	static final String WITH_BASELINE = "Confiture build + baseline of 500";

	static final String WITHOUT_MIGRATIONS = "Confiture build, no migrations";

	static final String PER_STATEMENT = "JDBC, 1 statement per round trip";

	static final String ONE_ROUND_TRIP = "JDBC, all DDL in 1 round trip";

	private static final int TABLES = 100;

	@Override
	public String name() {
		return "fresh-db-breakdown";
	}

	@Override
	public String summary() {
		return "diagnostic: Confiture's fresh build of fresh-db-vs-flyway against plain JDBC";
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
		ConfitureProject withoutMigrations = generator
			.writeFinalSchema(context.workDirectory().resolve(name() + "-no-migrations"));
		List<String> statements = generator.finalStatements();
		DatabaseCheck schema = DatabaseCheck.tables("^h[0-9]{3}_", TABLES);
		String description = "The final schema of fresh-db-vs-flyway (" + TABLES + " tables, " + statements.size()
				+ " statements) built four ways into a fresh database, each in one transaction and with its "
				+ "connection: Confiture as in fresh-db-vs-flyway (baselining " + history.migrationCount()
				+ " migrations), Confiture without a migrations directory, and plain JDBC.";
		return new Scenario(description,
				List.of(new ConfitureBuildContender(WITH_BASELINE, context.server(), schema,
						history.confitureProject()),
						new ConfitureBuildContender(WITHOUT_MIGRATIONS, context.server(), schema, withoutMigrations),
						new JdbcStatementsContender(PER_STATEMENT, context.server(), schema, statements, false),
						new JdbcStatementsContender(ONE_ROUND_TRIP, context.server(), schema, statements, true)),
				ONE_ROUND_TRIP, Target.none("diagnostic, no target"),
				List.of("Differences between rows: the baseline (reading and checksumming the migration files and "
						+ "one INSERT per migration), Confiture's own work (configuration, files, hash, split, "
						+ "checks, build record), and per-statement round trips."));
	}

}
