package dev.confiture.benchmarks;

import java.util.List;

import dev.confiture.benchmarks.generate.EvolvingSchemaGenerator;
import dev.confiture.benchmarks.generate.GeneratedHistory;

/**
 * Issue 18: what the baseline proof adds to {@code confiture build} of the
 * {@code fresh-db-vs-flyway} history (100 tables, 500 migrations, all mirrored by the
 * schema files). Target: under 25% added.
 */
final class BaselineProofBenchmark implements Benchmark {

	static final String PROVEN = "Confiture build, baseline proven (default)";

	static final String UNPROVEN = "Confiture build, --no-baseline-proof";

	private static final int TABLES = 100;

	@Override
	public String name() {
		return "baseline-proof";
	}

	@Override
	public String summary() {
		return "confiture build of 100 tables baselining 500 migrations, with and without the baseline proof";
	}

	@Override
	public int defaultWarmups() {
		return 2;
	}

	@Override
	public int defaultRuns() {
		return 15;
	}

	@Override
	public Scenario prepare(BenchmarkContext context) {
		EvolvingSchemaGenerator generator = new EvolvingSchemaGenerator(TABLES);
		GeneratedHistory history = generator.write(context.workDirectory().resolve(name()));
		int migrations = history.migrationCount();
		DatabaseCheck check = DatabaseCheck.tables("^h[0-9]{3}_", TABLES)
			.and(DatabaseCheck.indexes("^h[0-9]{3}_.*_created_at_idx$", TABLES))
			.and(DatabaseCheck.rows("confiture_migrations", "kind = 'baseline'", migrations));
		String description = "The history of fresh-db-vs-flyway: " + TABLES + " tables, " + migrations
				+ " migrations (create table, add column, add index, change default, add CHECK per table), all "
				+ "contained in the final schema files. The proof runs the migrations together on the built schema "
				+ "in the build's transaction and rolls them back: one query on the built schema finds the 400 "
				+ "statements PostgreSQL would refuse (CREATE TABLE, CREATE INDEX, ADD COLUMN, ADD CONSTRAINT of "
				+ "objects that exist) and the 100 SET DEFAULT that set the default the column already has, which "
				+ "are not sent: no statement is left to run.";
		return new Scenario(description,
				List.of(new ConfitureBuildContender(PROVEN, context.server(), check, history.confitureProject(), true),
						new ConfitureBuildContender(UNPROVEN, context.server(), check, history.confitureProject(),
								false)),
				UNPROVEN, Target.ratioAtMost("the proof adds under 25% to the build", PROVEN, UNPROVEN, 1.25),
				List.of("Measured: Confiture.configure()...load().build() with BuildOptions.withBaselineProof(true or "
						+ "false). Not measured: CREATE/DROP DATABASE around each repetition."));
	}

}
