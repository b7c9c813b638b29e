package dev.confiture.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.confiture.core.server.EmbeddedPostgresServer;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;

/**
 * Runs Confiture's benchmarks against psql and Flyway and prints a Markdown report (and
 * optionally JSON). See the module's README for the commands and what is measured.
 */
public final class BenchmarkApplication {

	private static final List<Benchmark> BENCHMARKS = List.of(new BuildVsPsqlBenchmark(), new DiscoverHashBenchmark(),
			new FreshDatabaseBenchmark(), new PendingMigrationsBenchmark(), new FreshDatabaseBreakdownBenchmark(),
			new SpringStartupBenchmark(), new TemplateCloneBenchmark(), new DiffBenchmark(), new LintBenchmark(),
			new BaselineProofBenchmark(), new TenantFleetBenchmark(1_000, true), new TenantFleetBenchmark(1_000, false),
			new TenantFleetBenchmark(10_000, false), new TenantCreateBenchmark(), new SyncBenchmark(),
			new AdoptBenchmark());

	private BenchmarkApplication() {
	}

	/**
	 * Runs the benchmarks named on the command line, or all.
	 * @param args options and benchmark names; {@code --help} lists them
	 * @throws Exception if a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		PrintStream out = System.out;
		PrintStream progress = System.err;
		BenchmarkOptions options;
		List<Benchmark> selected;
		try {
			options = BenchmarkOptions.parse(args);
			selected = select(options.names());
		}
		catch (IllegalArgumentException ex) {
			progress.println(ex.getMessage());
			progress.print(BenchmarkOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.help() || options.list()) {
			if (options.help()) {
				out.print(BenchmarkOptions.USAGE);
				out.println();
			}
			out.println("Benchmarks:");
			BENCHMARKS.forEach((benchmark) -> out.printf("  %-30s %s%n", benchmark.name(), benchmark.summary()));
			return;
		}
		Tools tools = Tools.find(options.psql(), options.cliJar());
		PostgresServer server = startServer(options.dataDirectory());
		Path work = Files.createTempDirectory("confiture-benchmarks-");
		try {
			MarkdownReport report = new MarkdownReport(out);
			MachineInfo machine = MachineInfo.collect(server, tools);
			report.machine(machine);
			List<BenchmarkResult> results = new ArrayList<>();
			BenchmarkRunner runner = new BenchmarkRunner(progress);
			for (Benchmark benchmark : selected) {
				progress.println("Preparing " + benchmark.name() + " in " + work);
				BenchmarkContext context = new BenchmarkContext(server, work, tools);
				Scenario scenario = benchmark.prepare(context);
				BenchmarkResult result = runner.run(benchmark.name(), scenario,
						(options.warmups() != null) ? options.warmups() : benchmark.defaultWarmups(),
						(options.runs() != null) ? options.runs() : benchmark.defaultRuns());
				results.add(result);
				report.benchmark(result);
				out.flush();
			}
			report.summary(results);
			if (options.json() != null) {
				JsonReport.write(options.json(), machine, results);
				progress.println("JSON written to " + options.json().toAbsolutePath());
			}
		}
		finally {
			if (options.keepFiles()) {
				progress.println("Generated files kept in " + work);
			}
			else {
				delete(work);
			}
			if (options.dataDirectory() != null) {
				server.close();
				delete(options.dataDirectory());
			}
		}
	}

	private static PostgresServer startServer(Path dataDirectory) throws IOException {
		if (dataDirectory == null) {
			return PostgresServers.shared();
		}
		if (Files.exists(dataDirectory)) {
			throw new IllegalStateException(
					dataDirectory + " exists; --data-dir needs a new directory (it is deleted " + "after the run)");
		}
		return EmbeddedPostgresServer.start(dataDirectory, 0);
	}

	private static List<Benchmark> select(List<String> names) {
		if (names.isEmpty()) {
			return BENCHMARKS;
		}
		Map<String, Benchmark> byName = new LinkedHashMap<>();
		BENCHMARKS.forEach((benchmark) -> byName.put(benchmark.name(), benchmark));
		List<Benchmark> selected = new ArrayList<>();
		for (String name : names) {
			Benchmark benchmark = byName.get(name);
			if (benchmark == null) {
				throw new IllegalArgumentException("Unknown benchmark '" + name + "'; known: " + byName.keySet());
			}
			selected.add(benchmark);
		}
		return selected;
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
