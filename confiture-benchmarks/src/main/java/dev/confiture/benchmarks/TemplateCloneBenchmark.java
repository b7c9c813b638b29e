package dev.confiture.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.flywaydb.core.Flyway;

import dev.confiture.benchmarks.generate.ConfitureProject;
import dev.confiture.benchmarks.generate.SchemaTreeGenerator;
import dev.confiture.benchmarks.generate.TableSql;
import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;

/**
 * Issue 5: a fresh isolated database for a 300-table schema, three ways: a
 * {@code CREATE DATABASE ... TEMPLATE} clone of a template built once
 * ({@link PostgresServer#createDatabase(String)}), {@code CREATE DATABASE} then
 * {@code confiture build}, and Flyway {@code clean} + {@code migrate} on an existing
 * database. Targets: the clone under 100 ms and at least 20x faster than Flyway.
 */
final class TemplateCloneBenchmark implements Benchmark {

	static final String CLONE = "CREATE DATABASE ... TEMPLATE (clone)";

	static final String REBUILD = "CREATE DATABASE + confiture build";

	static final String FLYWAY = "Flyway clean + migrate (1 V1 file)";

	private static final List<Integer> SHAPE = List.of(6, 50);

	@Override
	public String name() {
		return "template-clone";
	}

	@Override
	public String summary() {
		return "fresh 300-table database: template clone vs confiture build vs Flyway clean + migrate";
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
	public Scenario prepare(BenchmarkContext context) throws java.io.IOException {
		SchemaTreeGenerator generator = new SchemaTreeGenerator(SHAPE);
		Path work = context.workDirectory().resolve(name());
		ConfitureProject project = ConfitureProject.create(work.resolve("confiture"));
		generator.write(project.schemaDirectory());
		Path flywayLocation = work.resolve("flyway");
		Files.createDirectories(flywayLocation);
		Confiture.configure()
			.projectDirectory(project.directory())
			.environment(ConfitureProject.ENVIRONMENT)
			.load()
			.writeBuild(BuildOptions.defaults(), flywayLocation.resolve("V1__schema.sql"));
		int tables = generator.tableCount();
		DatabaseCheck check = DatabaseCheck.tables("^t[0-9]{4}_", tables)
			.and(DatabaseCheck.indexes("^t[0-9]{4}_.*_idx$", TableSql.indexCount(tables)));
		PostgresServer server = context.server();

		ScratchDatabase template = server.createDatabase();
		build(project, template.settings());
		ScratchDatabase flywayDatabase = server.createDatabase();
		flyway(flywayDatabase.settings(), "filesystem:" + flywayLocation.toAbsolutePath()).migrate();

		String description = tables + " generated tables (as in build-vs-psql: identity key, 9 typed columns with "
				+ "defaults, 2 CHECKs, 1-2 foreign keys, " + TableSql.indexCount(tables)
				+ " indexes in all, a comment). "
				+ "Clone: CREATE DATABASE ... TEMPLATE of a database that confiture build filled once before the "
				+ "runs (PostgresServer.createDatabase(template), which adds STRATEGY FILE_COPY when fsync is off, as "
				+ "on this embedded server), connection to the admin database included. Rebuild: CREATE DATABASE "
				+ "(empty) then confiture build through the Java API into it. Flyway: clean (cleanDisabled(false)) "
				+ "then migrate of an existing database that already holds the schema, the whole schema being one "
				+ "V1__schema.sql (the build's concatenated output, byte for byte the DDL Confiture runs).";
		return new Scenario(description, List.of(new CloneContender(server, template, check),
				new RebuildContender(server, project, check),
				new FlywayCleanMigrateContender(server, flywayDatabase, "filesystem:" + flywayLocation.toAbsolutePath(),
						check.and(DatabaseCheck.rows("flyway_schema_history", "success", 1)))),
				FLYWAY,
				Target.allOf("clone under 100 ms and at least 20x faster than Flyway",
						Target.medianAtMost("under 100 ms", CLONE, 100),
						Target.ratioAtMost("20x faster than Flyway", CLONE, FLYWAY, 0.05)),
				List.of("Measured: each contender's whole call, connections included (the clone's and the rebuild's "
						+ "CREATE DATABASE are inside the clock; Flyway works on a database that exists). Not measured: "
						+ "building the template and the Flyway database once, before the runs; DROP DATABASE of each "
						+ "clone or rebuild after the clock; the check, which counts tables and indexes in the result. "
						+ "Before each repetition: CHECKPOINT and sync."));
	}

	static void build(ConfitureProject project, ConnectionSettings database) {
		Confiture.configure()
			.projectDirectory(project.directory())
			.environment(ConfitureProject.ENVIRONMENT)
			.database(database)
			.load()
			.build(BuildOptions.defaults());
	}

	static Flyway flyway(ConnectionSettings database, String location) {
		return Flyway.configure()
			.dataSource(database.jdbcUrl(), database.user(), database.password())
			.locations(location)
			.cleanDisabled(false)
			.loggers("slf4j")
			.load();
	}

	/** A trial that creates a database under the clock and drops it afterwards. */
	private abstract static class NewDatabaseContender implements Contender {

		private final PostgresServer server;

		private final DatabaseCheck check;

		NewDatabaseContender(PostgresServer server, DatabaseCheck check) {
			this.server = server;
			this.check = check;
		}

		abstract ScratchDatabase create(PostgresServer server);

		@Override
		public Trial newTrial() {
			Quiesce.server(this.server);
			return new Trial() {

				private ScratchDatabase database;

				@Override
				public void run() {
					this.database = create(NewDatabaseContender.this.server);
				}

				@Override
				public void check() throws Exception {
					try (java.sql.Connection connection = this.database.connect()) {
						NewDatabaseContender.this.check.verify(connection);
					}
				}

				@Override
				public void close() {
					if (this.database != null) {
						this.database.close();
					}
				}

			};
		}

	}

	private static final class CloneContender extends NewDatabaseContender {

		private final ScratchDatabase template;

		CloneContender(PostgresServer server, ScratchDatabase template, DatabaseCheck check) {
			super(server, check);
			this.template = template;
		}

		@Override
		public String name() {
			return CLONE;
		}

		@Override
		ScratchDatabase create(PostgresServer server) {
			return server.createDatabase(this.template.name());
		}

		@Override
		public void close() {
			this.template.close();
		}

	}

	private static final class RebuildContender extends NewDatabaseContender {

		private final ConfitureProject project;

		RebuildContender(PostgresServer server, ConfitureProject project, DatabaseCheck check) {
			super(server, check);
			this.project = project;
		}

		@Override
		public String name() {
			return REBUILD;
		}

		@Override
		ScratchDatabase create(PostgresServer server) {
			ScratchDatabase database = server.createDatabase();
			try {
				build(this.project, database.settings());
				return database;
			}
			catch (RuntimeException ex) {
				database.close();
				throw ex;
			}
		}

	}

	private static final class FlywayCleanMigrateContender implements Contender {

		private final PostgresServer server;

		private final ScratchDatabase database;

		private final String location;

		private final DatabaseCheck check;

		FlywayCleanMigrateContender(PostgresServer server, ScratchDatabase database, String location,
				DatabaseCheck check) {
			this.server = server;
			this.database = database;
			this.location = location;
			this.check = check;
		}

		@Override
		public String name() {
			return FLYWAY;
		}

		@Override
		public Trial newTrial() {
			Quiesce.server(this.server);
			return new Trial() {

				@Override
				public void run() {
					Flyway flyway = flyway(FlywayCleanMigrateContender.this.database.settings(),
							FlywayCleanMigrateContender.this.location);
					flyway.clean();
					int executed = flyway.migrate().migrationsExecuted;
					if (executed != 1) {
						throw new IllegalStateException("Flyway executed " + executed + " migrations, expected 1");
					}
				}

				@Override
				public void check() throws Exception {
					try (java.sql.Connection connection = FlywayCleanMigrateContender.this.database.connect()) {
						FlywayCleanMigrateContender.this.check.verify(connection);
					}
				}

			};
		}

		@Override
		public void close() {
			this.database.close();
		}

	}

}
