package dev.confiture.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import dev.confiture.benchmarks.generate.TableSql;
import dev.confiture.core.Confiture;
import dev.confiture.core.lint.LintOptions;
import dev.confiture.core.lint.LintResult;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;

/**
 * Issue 13: measured lint of 100 pending migrations (1 to 5 statements each) against a
 * live 300-table database, shadow database and its starting schema included; and lint
 * from the text only ({@code --no-shadow}) of 1,000 migration files. Targets: under 5 s
 * and under 1 s.
 */
final class LintBenchmark implements Benchmark {

	static final String MEASURED = "measured lint, 100 pending migrations, 300-table live schema";

	static final String STATIC = "static lint (--no-shadow), 1,000 files";

	private static final int TABLES = 300;

	@Override
	public String name() {
		return "lint";
	}

	@Override
	public String summary() {
		return "measured lint of 100 pending migrations on 300 tables; static lint of 1,000 files";
	}

	@Override
	public int defaultWarmups() {
		return 1;
	}

	@Override
	public int defaultRuns() {
		return 5;
	}

	@Override
	public Scenario prepare(BenchmarkContext context) throws IOException {
		PostgresServer server = context.server();
		ScratchDatabase live = server.createDatabase();
		StringBuilder schema = new StringBuilder();
		for (int table = 1; table <= TABLES; table++) {
			schema.append(TableSql.create(table));
		}
		try (Connection connection = live.connect(); Statement statement = connection.createStatement()) {
			statement.execute(schema.toString());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		Path work = context.workDirectory().resolve(name());
		Path measured = project(work.resolve("measured"), 100);
		Path text = project(work.resolve("static"), 1000);
		Confiture measuredProject = Confiture.configure().projectDirectory(measured).database(live.settings()).load();
		Confiture staticProject = Confiture.configure().projectDirectory(text).load();
		String description = "Live database: " + TABLES + " generated tables as in build-vs-psql ("
				+ TableSql.indexCount(TABLES)
				+ " indexes, foreign keys, checks). Migrations cycle through five shapes of 1 to 5 statements on the "
				+ "existing tables (ADD COLUMN with a constant default; CREATE INDEX without CONCURRENTLY; ALTER COLUMN "
				+ "TYPE; SET lock_timeout + ADD CHECK NOT VALID + VALIDATE; a new table with a varchar column, an index "
				+ "and a foreign key). Measured: Confiture.lint(LintOptions.defaults()) with the live database "
				+ "reachable: read its status and catalog, CREATE DATABASE on the same server, write the live schema "
				+ "into it with the diff engine, run each migration there in its transaction reading pg_locks and "
				+ "relfilenode after every statement, rank by live size, DROP DATABASE. Static: the same call with "
				+ "staticOnly() on 1,000 such files and no database.";
		return new Scenario(description,
				List.of(new Lint(MEASURED, measuredProject, LintOptions.defaults(), 100, live),
						new Lint(STATIC, staticProject, LintOptions.defaults().staticOnly(), 1000, null)),
				null,
				Target.allOf("measured lint of 100 migrations under 5 s, static lint of 1,000 files under 1 s",
						Target.medianAtMost("measured under 5 s", MEASURED, 5000),
						Target.medianAtMost("static under 1 s", STATIC, 1000)),
				List.of("Each run is checked after the clock: every file was linted, the measured run was measured, "
						+ "and the expected rules fired."));
	}

	private static Path project(Path root, int migrations) throws IOException {
		Files.createDirectories(root.resolve("db/environments"));
		Files.createDirectories(root.resolve("db/schema"));
		Path directory = Files.createDirectories(root.resolve("db/migrations"));
		Files.writeString(root.resolve("db/environments/local.yaml"), "name: local\ninclude_dirs: [db/schema]\n");
		for (int i = 1; i <= migrations; i++) {
			String table = TableSql.name(1 + (i * 7) % TABLES);
			String sql = switch (i % 5) {
				case 0 -> "ALTER TABLE " + table + " ADD COLUMN extra_" + i + " text DEFAULT 'x';";
				case 1 -> "CREATE INDEX " + table + "_m" + i + "_idx ON " + table + " (name);\nALTER TABLE " + table
						+ " ADD COLUMN flag_" + i + " boolean;";
				case 2 -> "SET lock_timeout = '5s';\nALTER TABLE " + table + " ALTER COLUMN code TYPE varchar("
						+ (64 + i) + ");\nALTER TABLE " + table + " ALTER COLUMN amount TYPE numeric(14, 2);";
				case 3 -> "SET lock_timeout = '5s';\nALTER TABLE " + table + " ADD CONSTRAINT " + table + "_c" + i
						+ " CHECK (amount < 1000000) NOT VALID;\nALTER TABLE " + table + " VALIDATE CONSTRAINT " + table
						+ "_c" + i + ";";
				default -> "CREATE TABLE extra_" + i + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, label "
						+ "varchar(40), ref bigint REFERENCES " + table + " (id));\nCREATE INDEX extra_" + i
						+ "_ref_idx ON extra_" + i + " (ref);\nALTER TABLE extra_" + i + " ADD COLUMN note text;\n"
						+ "COMMENT ON TABLE extra_" + i + " IS 'lint benchmark';\nUPDATE extra_" + i
						+ " SET note = 'x';";
			};
			Files.writeString(directory.resolve(String.format(Locale.ROOT, "%04d_m%d.up.sql", i, i)), sql,
					StandardCharsets.UTF_8);
		}
		return root;
	}

	private static final class Lint implements Contender {

		private final String name;

		private final Confiture confiture;

		private final LintOptions options;

		private final int files;

		private final ScratchDatabase live;

		Lint(String name, Confiture confiture, LintOptions options, int files, ScratchDatabase live) {
			this.name = name;
			this.confiture = confiture;
			this.options = options;
			this.files = files;
			this.live = live;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Trial newTrial() {
			return new Trial() {

				private LintResult result;

				@Override
				public void run() {
					this.result = Lint.this.confiture.lint(Lint.this.options);
				}

				@Override
				public void check() {
					if (this.result.files().size() != Lint.this.files) {
						throw new IllegalStateException("Linted " + this.result.files().size() + " files, expected "
								+ Lint.this.files + "; notes: " + this.result.notes());
					}
					if (this.result.measured() != Lint.this.options.measure()) {
						throw new IllegalStateException(
								"Measured: " + this.result.measured() + "; notes: " + this.result.notes());
					}
					List<String> rules = this.result.findings().stream().map((f) -> f.rule().id()).distinct().toList();
					if (!rules
						.containsAll(List.of("index-without-concurrently", "missing-lock-timeout", "prefer-text"))) {
						throw new IllegalStateException("Unexpected rules: " + rules);
					}
				}

			};
		}

		@Override
		public void close() {
			if (this.live != null) {
				this.live.close();
			}
		}

	}

}
