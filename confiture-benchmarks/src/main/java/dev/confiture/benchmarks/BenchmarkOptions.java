package dev.confiture.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the harness.
 *
 * @param names the benchmarks to run, empty for all
 * @param warmups untimed repetitions, or {@code null} for each benchmark's default
 * @param runs measured repetitions, or {@code null} for each benchmark's default
 * @param json where to write the JSON report, or {@code null}
 * @param psql the {@code psql} to use, or {@code null} to look on the {@code PATH}
 * @param cliJar the Confiture CLI jar, or {@code null} to look in the reactor
 * @param dataDirectory where the embedded PostgreSQL keeps its data (for example on a
 * tmpfs), or {@code null} for the default server
 * @param keepFiles keep the generated files
 * @param list only list the benchmarks
 * @param help only print the usage
 */
record BenchmarkOptions(List<String> names, Integer warmups, Integer runs, Path json, Path psql, Path cliJar,
		Path dataDirectory, boolean keepFiles, boolean list, boolean help) {

	static final String USAGE = """
			Usage: java -jar confiture-benchmarks.jar [OPTIONS] [BENCHMARK...]

			Runs the named benchmarks (all when none is named) and prints a Markdown report.

			Options:
			  --warmup N        untimed repetitions per contender (default: per benchmark)
			  --runs N          measured repetitions per contender (default: per benchmark)
			  --json FILE       also write the results as JSON
			  --psql PATH       the psql client (default: psql on the PATH)
			  --cli-jar PATH    the Confiture CLI jar (default: confiture-cli/target/confiture.jar)
			  --data-dir DIR    start the embedded PostgreSQL with its data in DIR (e.g. on
			                    a tmpfs such as /dev/shm/confiture-bench); deleted after
			  --keep-files      keep the generated projects (their directory is printed)
			  --list            list the benchmarks and exit
			  --help            print this help and exit

			PostgreSQL: with --data-dir an embedded PostgreSQL 18 in DIR; otherwise
			CONFITURE_TEST_JDBC_URL if set, else an embedded PostgreSQL 18 in a temporary
			directory.
			""";

	/**
	 * Parses arguments.
	 * @param args the arguments
	 * @return the options
	 * @throws IllegalArgumentException if an argument is invalid
	 */
	static BenchmarkOptions parse(String... args) {
		List<String> names = new ArrayList<>();
		Integer warmups = null;
		Integer runs = null;
		Path json = null;
		Path psql = null;
		Path cliJar = null;
		Path dataDirectory = null;
		boolean keepFiles = false;
		boolean list = false;
		boolean help = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--warmup" -> warmups = count(arg, value(args, ++i, arg), 0);
				case "--runs" -> runs = count(arg, value(args, ++i, arg), 1);
				case "--json" -> json = Path.of(value(args, ++i, arg));
				case "--psql" -> psql = Path.of(value(args, ++i, arg));
				case "--cli-jar" -> cliJar = Path.of(value(args, ++i, arg));
				case "--data-dir" -> dataDirectory = Path.of(value(args, ++i, arg));
				case "--keep-files" -> keepFiles = true;
				case "--list" -> list = true;
				case "--help", "-h" -> help = true;
				default -> {
					if (arg.startsWith("-")) {
						throw new IllegalArgumentException("Unknown option " + arg);
					}
					names.add(arg);
				}
			}
		}
		return new BenchmarkOptions(List.copyOf(names), warmups, runs, json, psql, cliJar, dataDirectory, keepFiles,
				list, help);
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	private static int count(String option, String value, int minimum) {
		try {
			int count = Integer.parseInt(value);
			if (count >= minimum) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " needs a whole number of at least " + minimum + ", not " + value);
	}

}
