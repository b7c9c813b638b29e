package dev.confiture.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;

import dev.confiture.benchmarks.generate.EvolvingSchemaGenerator;
import dev.confiture.benchmarks.generate.GeneratedHistory;
import dev.confiture.benchmarks.generate.ResourceJar;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.ScratchDatabase;

/**
 * Issue 4: the startup of a small Spring Boot application (DataSource, JdbcClient, no web
 * server) against an up-to-date database with 300 applied migrations, with the Confiture
 * starter, with Flyway's, and with neither, each start in a new JVM. Targets: Confiture
 * adds less startup time than Flyway (issue 4), and at most a quarter of what Flyway adds
 * (issue 19), both on the difference of the medians.
 */
final class SpringStartupBenchmark implements Benchmark {

	static final String CONFITURE = "Confiture starter (mode auto)";

	static final String CONFITURE_MIGRATE = "Confiture starter (mode migrate)";

	static final String FLYWAY = "Flyway starter";

	static final String NEITHER = "neither (no migration tool)";

	private static final int TABLES = 60;

	private static final String CONFITURE_UP_TO_DATE = "Confiture: database up to date, no migration to apply";

	private static final String FLYWAY_UP_TO_DATE = "is up to date. No migration necessary.";

	@Override
	public String name() {
		return "spring-startup";
	}

	@Override
	public String summary() {
		return "Spring Boot startup, 300 applied migrations: Confiture starter vs Flyway's vs neither";
	}

	@Override
	public int defaultWarmups() {
		return 1;
	}

	@Override
	public int defaultRuns() {
		return 15;
	}

	@Override
	public Scenario prepare(BenchmarkContext context) throws IOException {
		Target target = Target.allOf(
				"Confiture adds less startup time than Flyway (issue 4), at most 0.25x of what Flyway adds (issue 19)",
				Target.addsLessThan("adds less than Flyway", CONFITURE, FLYWAY, NEITHER),
				Target.addsAtMostShareOf("0.25x of Flyway's addition", CONFITURE, FLYWAY, NEITHER, 0.25));
		Path directory = springStartupDirectory();
		if (directory == null) {
			return new Scenario("Not run.", List.of(), FLYWAY, target,
					List.of("The classpaths of the child JVMs were not found next to the benchmark jar "
							+ "(target/spring-startup/*.classpath and target/*-spring-startup-app.jar): build with "
							+ "./mvnw -B -q -pl confiture-benchmarks -am package -DskipTests"));
		}
		Path app = appJar(directory.getParent());
		EvolvingSchemaGenerator generator = new EvolvingSchemaGenerator(TABLES);
		Path work = context.workDirectory().resolve(name());
		GeneratedHistory history = generator.write(work);
		int migrations = history.migrationCount();
		Map<String, Path> confitureResources = new LinkedHashMap<>();
		confitureResources.put("db/schema", history.confitureProject().schemaDirectory());
		confitureResources.put("db/migrations", history.confitureProject().migrationsDirectory());
		Path confitureJar = ResourceJar.write(work.resolve("confiture-app-resources.jar"), confitureResources);
		Path flywayJar = ResourceJar.write(work.resolve("flyway-app-resources.jar"),
				Map.of("db/migration", history.flywayLocation()));

		ScratchDatabase confitureDatabase = context.server().createDatabase();
		int applied = Migrator.builder()
			.database(confitureDatabase.settings())
			.migrationsDirectory(history.confitureProject().migrationsDirectory())
			.build()
			.up()
			.doneCount();
		ScratchDatabase flywayDatabase = context.server().createDatabase();
		int executed = Flyway.configure()
			.dataSource(flywayDatabase.settings().jdbcUrl(), flywayDatabase.settings().user(),
					flywayDatabase.settings().password())
			.locations(history.flywayLocationSpec())
			.loggers("slf4j")
			.load()
			.migrate().migrationsExecuted;
		if (applied != migrations || executed != migrations) {
			throw new IllegalStateException("Preparing: Confiture applied " + applied + " and Flyway " + executed
					+ " migrations, expected " + migrations);
		}
		Quiesce.server(context.server());

		DatabaseCheck confitureUnchanged = DatabaseCheck.rows("confiture_migrations", "kind = 'sql'", migrations);
		DatabaseCheck flywayUnchanged = DatabaseCheck.rows("flyway_schema_history", "success", migrations);
		List<Path> confiture = with(app, classpath(directory, "confiture"), confitureJar);
		List<Path> flyway = with(app, classpath(directory, "flyway"), flywayJar);
		List<Path> plain = with(app, classpath(directory, "plain"), null);
		Path java = context.tools().java();
		List<Contender> contenders = List.of(
				new SpringAppContender(CONFITURE, java, confiture,
						List.of("--confiture.mode=auto", "--confiture.migration-locations=classpath:db/migrations"),
						confitureDatabase, confitureUnchanged, TABLES, true, CONFITURE_UP_TO_DATE),
				new SpringAppContender(CONFITURE_MIGRATE, java, confiture,
						List.of("--confiture.mode=migrate", "--confiture.migration-locations=classpath:db/migrations"),
						confitureDatabase, confitureUnchanged, TABLES, false, CONFITURE_UP_TO_DATE),
				new SpringAppContender(FLYWAY, java, flyway, List.of(), flywayDatabase, flywayUnchanged, TABLES, true,
						FLYWAY_UP_TO_DATE),
				new SpringAppContender(NEITHER, java, plain, List.of(), flywayDatabase, DatabaseCheck.NONE, TABLES,
						false, null));
		String description = "A Spring Boot 4.1 application (spring-boot-starter-jdbc: Hikari DataSource, JdbcClient; "
				+ "no web server; one ApplicationRunner counting the tables through JdbcClient, so that every variant "
				+ "opens its first connection during startup) against a database that is up to date with " + migrations
				+ " applied migrations (" + TABLES + " tables, each created by one migration and altered by four). "
				+ "Confiture: confiture-spring-boot-starter, the " + migrations + " migrations in "
				+ "classpath:db/migrations and the equivalent schema files in classpath:db/schema (a jar), database "
				+ "migrated by `confiture migrate up` beforehand; mode auto (the default: the database is not empty, "
				+ "so it migrates) and mode migrate. Flyway: spring-boot-starter-flyway and flyway-database-postgresql "
				+ "12.4.0, the same " + migrations + " files as V__ migrations in classpath:db/migration (a jar), "
				+ "database migrated by Flyway beforehand. Neither: only Spring Boot JDBC, on the Flyway database. "
				+ "Each start is a new JVM (`java -cp <classpath> StartupApplication`, default JVM options) whose "
				+ "classpath holds only its own starters.";
		return new Scenario(description, contenders, NEITHER, target, List.of("Measured, by the child JVM itself: "
				+ "System.nanoTime() from just before SpringApplication.run to its return (context refreshed, "
				+ "migration tool run, ApplicationRunner run, ApplicationReadyEvent published). Not in that figure: "
				+ "the JVM start before main and the exit (see the uptime and whole-process figures below). A check "
				+ "after each start verifies that no migration was applied (the tracking tables still hold exactly "
				+ migrations + " rows) and the runner counted the " + TABLES + " tables. The ratio column is relative "
				+ "to the start without a migration tool; the added time is the difference of medians."));
	}

	static Path springStartupDirectory() {
		Path own = Tools.ownLocation();
		if (own == null || own.getParent() == null) {
			return null;
		}
		Path directory = own.getParent().resolve("spring-startup");
		return Files.isRegularFile(directory.resolve("plain.classpath")) && appJar(own.getParent()) != null ? directory
				: null;
	}

	private static Path appJar(Path target) {
		try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "*-spring-startup-app.jar")) {
			for (Path jar : jars) {
				return jar;
			}
			return null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static List<Path> classpath(Path directory, String variant) throws IOException {
		String text = Files.readString(directory.resolve(variant + ".classpath"), StandardCharsets.UTF_8).trim();
		return Arrays.stream(text.split(File.pathSeparator)).filter((entry) -> !entry.isBlank()).map(Path::of).toList();
	}

	private static List<Path> with(Path app, List<Path> libraries, Path resources) {
		List<Path> classpath = new ArrayList<>();
		classpath.add(app);
		if (resources != null) {
			classpath.add(resources);
		}
		classpath.addAll(libraries);
		return classpath;
	}

}
