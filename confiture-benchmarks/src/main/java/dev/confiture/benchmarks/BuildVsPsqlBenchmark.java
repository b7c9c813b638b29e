package dev.confiture.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.confiture.benchmarks.generate.ConfitureProject;
import dev.confiture.benchmarks.generate.SchemaTreeGenerator;
import dev.confiture.benchmarks.generate.TableSql;
import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildOptions;

/**
 * Issue 2: {@code confiture build} of a 500-table schema against {@code psql -1 -f} of
 * the same files concatenated (by {@code confiture build --output}). Target: within 1.2x
 * of psql.
 */
final class BuildVsPsqlBenchmark implements Benchmark {

	static final String CONFITURE = "Confiture build (Java API)";

	static final String CLI = "Confiture build (CLI, new JVM)";

	static final String PSQL = "psql -1 -f";

	private static final List<Integer> SHAPE = List.of(10, 50);

	@Override
	public String name() {
		return "build-vs-psql";
	}

	@Override
	public String summary() {
		return "confiture build of 500 tables vs psql -1 -f of the same SQL";
	}

	@Override
	public int defaultWarmups() {
		return 2;
	}

	@Override
	public int defaultRuns() {
		return 5;
	}

	@Override
	public Scenario prepare(BenchmarkContext context) {
		SchemaTreeGenerator generator = new SchemaTreeGenerator(SHAPE);
		ConfitureProject project = ConfitureProject.create(context.workDirectory().resolve(name()));
		generator.write(project.schemaDirectory());
		Path script = project.directory().resolve("concatenated.sql");
		Confiture.configure()
			.projectDirectory(project.directory())
			.environment(ConfitureProject.ENVIRONMENT)
			.load()
			.writeBuild(BuildOptions.defaults(), script);
		int tables = generator.tableCount();
		DatabaseCheck check = DatabaseCheck.tables("^t[0-9]{4}_", tables)
			.and(DatabaseCheck.indexes("^t[0-9]{4}_.*_idx$", TableSql.indexCount(tables)));
		List<Contender> contenders = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		contenders.add(new ConfitureBuildContender(CONFITURE, context.server(), check, project));
		if (context.tools().psql() != null) {
			contenders.add(new PsqlContender(PSQL, context.server(), check, context.tools().psql(), script));
		}
		else {
			notes.add("psql was not found (install it or pass --psql PATH): the comparison with psql was skipped.");
		}
		if (context.tools().cliJar() != null) {
			contenders.add(new ConfitureCliBuildContender(CLI, context.server(), check, context.tools().java(),
					context.tools().cliJar(), project));
		}
		else {
			notes.add("The CLI jar was not found (build confiture-cli or pass --cli-jar PATH): the CLI was skipped.");
		}
		notes.add("Measured: from the start of the tool (or of the Java API call) to the commit, connection "
				+ "included; for Confiture also loading the environment, finding, ordering, hashing and splitting the "
				+ "files, the emptiness check and recording the build. Not measured: CREATE DATABASE before and "
				+ "DROP DATABASE after each repetition. The CLI row adds a JVM start and runs cold; it has no target.");
		String description = tables + " generated tables (" + SHAPE.get(0) + " numbered folders of " + SHAPE.get(1)
				+ " files, one file per table: identity key, text/varchar/numeric/jsonb/boolean/timestamptz columns "
				+ "with defaults, 2 CHECKs, 1-2 foreign keys to earlier tables, " + TableSql.indexCount(tables)
				+ " indexes in all, a comment), built into a fresh empty database by each contender.";
		return new Scenario(description, contenders, PSQL,
				Target.ratioAtMost("Confiture within 1.2x of psql", CONFITURE, PSQL, 1.2), notes);
	}

}
