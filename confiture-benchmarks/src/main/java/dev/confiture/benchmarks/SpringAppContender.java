package dev.confiture.benchmarks;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import dev.confiture.core.server.ScratchDatabase;

/**
 * Starts the {@code spring-startup} application in a new JVM ({@code java -cp ...
 * StartupApplication}) on a database prepared once, and takes as its time what the child
 * reports: {@code SpringApplication.run} from the call to the context being ready. The
 * JVM's own start (before {@code main}) and its exit are not in that figure; the JVM
 * uptime at ready and the whole process's wall time are reported in a note. The child's
 * log is checked for the line that shows its migration tool ran and found nothing to do.
 * The database credentials reach the child through {@code SPRING_DATASOURCE_*} variables,
 * never its command line.
 */
final class SpringAppContender implements Contender {

	static final String MAIN_CLASS = "dev.confiture.benchmarks.springapp.StartupApplication";

	private static final String RESULT_PREFIX = "confiture-benchmarks-startup: ";

	private final String name;

	private final Path java;

	private final List<Path> classpath;

	private final List<String> arguments;

	private final ScratchDatabase database;

	private final DatabaseCheck check;

	private final int expectedTables;

	private final boolean ownsDatabase;

	private final String expectedLog;

	private final List<Long> uptimes = new ArrayList<>();

	private final List<Long> wallNanos = new ArrayList<>();

	SpringAppContender(String name, Path java, List<Path> classpath, List<String> arguments, ScratchDatabase database,
			DatabaseCheck check, int expectedTables, boolean ownsDatabase, String expectedLog) {
		this.name = name;
		this.java = java;
		this.classpath = List.copyOf(classpath);
		this.arguments = List.copyOf(arguments);
		this.database = database;
		this.check = check;
		this.expectedTables = expectedTables;
		this.ownsDatabase = ownsDatabase;
		this.expectedLog = expectedLog;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Trial newTrial() {
		List<String> command = new ArrayList<>(List.of(this.java.toString(), "-cp",
				String.join(File.pathSeparator, this.classpath.stream().map(Path::toString).toList()), MAIN_CLASS));
		command.addAll(this.arguments);
		Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", this.database.settings().jdbcUrl(),
				"SPRING_DATASOURCE_USERNAME", nonNull(this.database.settings().user()), "SPRING_DATASOURCE_PASSWORD",
				nonNull(this.database.settings().password()));
		return new Trial() {

			private long startupNanos = -1;

			@Override
			public void run() throws Exception {
				long start = System.nanoTime();
				String output = Subprocess.output(command, environment);
				long wall = System.nanoTime() - start;
				String line = output.lines()
					.filter((candidate) -> candidate.startsWith(RESULT_PREFIX))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException(
							SpringAppContender.this.name + " printed no result line:\n" + output));
				String[] fields = line.substring(RESULT_PREFIX.length()).trim().split(" ");
				int tables = Integer.parseInt(fields[2]);
				if (tables != SpringAppContender.this.expectedTables) {
					throw new IllegalStateException(SpringAppContender.this.name + " counted " + tables
							+ " tables, expected " + SpringAppContender.this.expectedTables + ":\n" + output);
				}
				String expected = SpringAppContender.this.expectedLog;
				if (expected != null && !output.contains(expected)) {
					throw new IllegalStateException(SpringAppContender.this.name + " did not log '" + expected
							+ "' (did its migration tool run?):\n" + output);
				}
				this.startupNanos = Long.parseLong(fields[0]);
				SpringAppContender.this.uptimes.add(Long.parseLong(fields[1]));
				SpringAppContender.this.wallNanos.add(wall);
			}

			@Override
			public void check() throws Exception {
				try (Connection connection = SpringAppContender.this.database.connect()) {
					SpringAppContender.this.check.verify(connection);
				}
			}

			@Override
			public OptionalLong measuredNanos() {
				return OptionalLong.of(this.startupNanos);
			}

		};
	}

	@Override
	public List<String> notes() {
		if (this.uptimes.isEmpty()) {
			return List.of();
		}
		return List.of(String.format(Locale.ROOT,
				"%s, over all %d repetitions (warm-up included): JVM uptime when ready median %d ms, whole "
						+ "process (JVM start to exit, as the harness sees it) median %.0f ms.",
				this.name, this.uptimes.size(), median(this.uptimes), median(this.wallNanos) / 1_000_000.0));
	}

	@Override
	public void close() {
		if (this.ownsDatabase) {
			this.database.close();
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static String nonNull(String value) {
		return (value != null) ? value : "";
	}

}
