package dev.confiture.benchmarks.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tiny migrations whose cost is mostly the tool's own bookkeeping: every fifth one
 * creates a one-column table, the four after it each add an integer column to it.
 */
public final class TinyMigrationsGenerator {

	private final int count;

	/**
	 * Creates a generator.
	 * @param count how many migrations
	 */
	public TinyMigrationsGenerator(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("At least one migration is needed");
		}
		this.count = count;
	}

	/** How many tables the migrations create. */
	public int tableCount() {
		return (this.count + 4) / 5;
	}

	/**
	 * The migrations, in version order.
	 * @return the migrations
	 */
	public List<Migration> migrations() {
		List<Migration> migrations = new ArrayList<>();
		for (int version = 1; version <= this.count; version++) {
			int step = (version - 1) % 5;
			String table = String.format(Locale.ROOT, "tiny_%03d", (version - 1) / 5 + 1);
			migrations.add((step == 0)
					? new Migration(version, "create_" + table, "CREATE TABLE " + table + " (id integer);\n")
					: new Migration(version, "add_c" + step + "_to_" + table,
							"ALTER TABLE " + table + " ADD COLUMN c" + step + " integer;\n"));
		}
		return migrations;
	}

	/**
	 * Writes the migrations for Flyway ({@code flyway/V1__...sql}) and for Confiture
	 * ({@code confiture/db/migrations/001_...up.sql}).
	 * @param directory where to write
	 * @return what was written
	 */
	public GeneratedHistory write(Path directory) {
		List<Migration> migrations = migrations();
		Path flyway = directory.resolve("flyway");
		ConfitureProject project = new ConfitureProject(directory.resolve("confiture"));
		MigrationFiles.writeFlyway(flyway, migrations);
		MigrationFiles.writeConfiture(project.migrationsDirectory(), migrations);
		return new GeneratedHistory(flyway, project, migrations.size());
	}

}
