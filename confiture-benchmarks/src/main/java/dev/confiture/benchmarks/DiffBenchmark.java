package dev.confiture.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.confiture.benchmarks.generate.DivergedSchemaGenerator;
import dev.confiture.benchmarks.generate.TableSql;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogLoader;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.build.SchemaScripts;
import dev.confiture.core.diff.DiffOptions;
import dev.confiture.core.diff.Plan;
import dev.confiture.core.diff.SchemaDiff;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;

/**
 * Issue 7: the diff of two 300-table schemas end to end (as
 * {@code confiture migrate diff OLD
 * NEW} does it: read the files, build each into a throw-away database, read both
 * catalogs, compare both ways), the catalog read alone on a built 300-table database, and
 * the comparison alone. Target: the catalog read under 300 ms.
 */
final class DiffBenchmark implements Benchmark {

	static final String END_TO_END = "diff end to end (2 builds, 2 reads, up + down)";

	static final String READ = "CatalogReader.read, 300 tables";

	static final String COMPARE = "SchemaDiff.compare up + down only";

	private static final List<Integer> SHAPE = List.of(6, 50);

	@Override
	public String name() {
		return "diff";
	}

	@Override
	public String summary() {
		return "diff of two 300-table schemas end to end, and the catalog read of 300 tables alone";
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
		DivergedSchemaGenerator generator = new DivergedSchemaGenerator(SHAPE);
		Path work = context.workDirectory().resolve(name());
		Path oldDirectory = work.resolve("old");
		Path newDirectory = work.resolve("new");
		generator.write(oldDirectory, newDirectory);
		PostgresServer server = context.server();
		CatalogReader reader = CatalogReader.ignoringConfitureTables(null);
		CatalogLoader loader = new CatalogLoader(server, reader);

		ScratchDatabase built = server.createDatabase();
		CatalogLoader.build(built, SchemaScripts.of(oldDirectory));
		Catalog oldCatalog = loader.load(SchemaScripts.of(oldDirectory));
		Catalog newCatalog = loader.load(SchemaScripts.of(newDirectory));
		Consumer<Plan> planCheck = expectedPlan(generator);
		planCheck.accept(SchemaDiff.compare(oldCatalog, newCatalog, DiffOptions.defaults()));
		int tables = generator.tableCount();
		Consumer<Catalog> catalogCheck = (catalog) -> {
			int read = catalog.all(dev.confiture.core.catalog.Table.class).size();
			if (read != tables) {
				throw new IllegalStateException("Read " + read + " tables, expected " + tables);
			}
		};
		catalogCheck.accept(oldCatalog);

		String description = "Old schema: " + tables + " generated tables as in build-vs-psql ("
				+ TableSql.indexCount(tables) + " indexes, " + (2 * tables - 3) + " foreign keys, " + (2 * tables)
				+ " CHECKs, identity sequences, comments), one file per table. New schema: the same with a `notes text` "
				+ "column added to " + DivergedSchemaGenerator.ADDED_COLUMNS.size() + " tables, an index added to "
				+ DivergedSchemaGenerator.ADDED_INDEXES.size() + ", one column retyped (varchar(64) -> varchar(128)) "
				+ "and " + generator.droppedTable() + " dropped. End to end: SchemaScripts.of(dir) for both, "
				+ "CatalogLoader.load of each (CREATE DATABASE, build in one transaction, CatalogReader.read, DROP "
				+ "DATABASE), then SchemaDiff.compare old -> new and new -> old, as `confiture migrate diff OLD NEW` "
				+ "does. Read: CatalogReader.read(connection) on a database that already holds the old schema, the "
				+ "connection opened before the clock. Compare: SchemaDiff.compare both ways on the two catalogs read "
				+ "before the runs.";
		return new Scenario(description, List.of(new EndToEnd(loader, oldDirectory, newDirectory, planCheck),
				new ReadAlone(built, reader, catalogCheck), new CompareAlone(oldCatalog, newCatalog, planCheck)),
				END_TO_END, Target.medianAtMost("catalog read of 300 tables under 300 ms", READ, 300),
				List.of("Each result is checked after the clock: the catalog holds the " + tables + " tables, and the "
						+ "plan has the expected changes (added columns and indexes, the retype, the dropped table)."));
	}

	private static Consumer<Plan> expectedPlan(DivergedSchemaGenerator generator) {
		return (plan) -> {
			String script = String.join("\n", plan.statements()).toLowerCase(Locale.ROOT);
			List<String> expected = List.of("drop table", generator.droppedTable(), "add column notes", "_name_idx",
					"type character varying(128)");
			for (String fragment : expected) {
				if (!script.contains(fragment.toLowerCase(Locale.ROOT))) {
					throw new IllegalStateException("The plan lacks '" + fragment + "':\n" + script);
				}
			}
		};
	}

	private static final class EndToEnd implements Contender {

		private final CatalogLoader loader;

		private final Path oldDirectory;

		private final Path newDirectory;

		private final Consumer<Plan> check;

		EndToEnd(CatalogLoader loader, Path oldDirectory, Path newDirectory, Consumer<Plan> check) {
			this.loader = loader;
			this.oldDirectory = oldDirectory;
			this.newDirectory = newDirectory;
			this.check = check;
		}

		@Override
		public String name() {
			return END_TO_END;
		}

		@Override
		public Trial newTrial() {
			return new Trial() {

				private Plan up;

				@Override
				public void run() {
					Catalog old = EndToEnd.this.loader.load(SchemaScripts.of(EndToEnd.this.oldDirectory));
					Catalog wanted = EndToEnd.this.loader.load(SchemaScripts.of(EndToEnd.this.newDirectory));
					this.up = SchemaDiff.compare(old, wanted, DiffOptions.defaults());
					SchemaDiff.compare(wanted, old, DiffOptions.defaults());
				}

				@Override
				public void check() {
					EndToEnd.this.check.accept(this.up);
				}

			};
		}

	}

	private static final class ReadAlone implements Contender {

		private final ScratchDatabase database;

		private final CatalogReader reader;

		private final Consumer<Catalog> check;

		ReadAlone(ScratchDatabase database, CatalogReader reader, Consumer<Catalog> check) {
			this.database = database;
			this.reader = reader;
			this.check = check;
		}

		@Override
		public String name() {
			return READ;
		}

		@Override
		public Trial newTrial() throws Exception {
			Connection connection = this.database.connect();
			return new Trial() {

				private Catalog catalog;

				@Override
				public void run() {
					this.catalog = ReadAlone.this.reader.read(connection);
				}

				@Override
				public void check() {
					ReadAlone.this.check.accept(this.catalog);
				}

				@Override
				public void close() {
					try {
						connection.close();
					}
					catch (java.sql.SQLException ex) {
						// closing a read-only connection: nothing to lose
					}
				}

			};
		}

		@Override
		public void close() {
			this.database.close();
		}

	}

	private static final class CompareAlone implements Contender {

		private final Catalog oldCatalog;

		private final Catalog newCatalog;

		private final Consumer<Plan> check;

		CompareAlone(Catalog oldCatalog, Catalog newCatalog, Consumer<Plan> check) {
			this.oldCatalog = oldCatalog;
			this.newCatalog = newCatalog;
			this.check = check;
		}

		@Override
		public String name() {
			return COMPARE;
		}

		@Override
		public Trial newTrial() {
			return new Trial() {

				private Plan up;

				@Override
				public void run() {
					this.up = SchemaDiff.compare(CompareAlone.this.oldCatalog, CompareAlone.this.newCatalog,
							DiffOptions.defaults());
					SchemaDiff.compare(CompareAlone.this.newCatalog, CompareAlone.this.oldCatalog,
							DiffOptions.defaults());
				}

				@Override
				public void check() {
					CompareAlone.this.check.accept(this.up);
				}

			};
		}

	}

}
