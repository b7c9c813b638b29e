package dev.confiture.benchmarks;

import java.util.List;

import dev.confiture.benchmarks.generate.ConfitureProject;
import dev.confiture.benchmarks.generate.SchemaTreeGenerator;

/**
 * Issue 2: finding, ordering and hashing 1,000 schema files in nested numbered folders,
 * after JIT warm-up. Target: under 100 ms.
 */
final class DiscoverHashBenchmark implements Benchmark {

	static final String CONFITURE = "Confiture discover + hash";

	private static final List<Integer> SHAPE = List.of(10, 10, 10);

	@Override
	public String name() {
		return "discover-hash";
	}

	@Override
	public String summary() {
		return "SchemaSources.discover + schemaHash of 1,000 files";
	}

	@Override
	public int defaultWarmups() {
		return 50;
	}

	@Override
	public int defaultRuns() {
		return 31;
	}

	@Override
	public Scenario prepare(BenchmarkContext context) {
		SchemaTreeGenerator generator = new SchemaTreeGenerator(SHAPE);
		ConfitureProject project = ConfitureProject.create(context.workDirectory().resolve(name()));
		generator.write(project.schemaDirectory());
		String description = generator.tableCount() + " SQL files (about 1.3 KB each) in 10 numbered folders of 10 "
				+ "numbered folders of 10 files: SchemaSources.discover (walk, filter, natural order) then schemaHash "
				+ "(read and SHA-256 every file), in this JVM after JIT warm-up.";
		return new Scenario(description,
				List.of(new DiscoverHashContender(CONFITURE, project.directory(), project.schemaDirectory(),
						generator.tableCount())),
				null, Target.medianAtMost("under 100 ms", CONFITURE, 100),
				List.of("The files were just written, so they are in the OS page cache: this measures Confiture, not "
						+ "the disk."));
	}

}
