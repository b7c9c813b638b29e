package dev.confiture.benchmarks.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A schema with a history: each table is created by one migration and then altered by
 * four more (add a column, add an index, change a default, add a CHECK constraint), so
 * that {@code n} tables take {@code 5n} migrations. The final schema (what the history
 * reaches) is written as one file per table, for {@code confiture build}.
 */
public final class EvolvingSchemaGenerator {

	/** Migrations per table: the create and its four alterations. */
	public static final int MIGRATIONS_PER_TABLE = 5;

	private static final List<String> NOUNS = List.of("customers", "orders", "invoices", "products", "payments",
			"shipments", "accounts", "addresses", "contracts", "tickets");

	private final int tables;

	/**
	 * Creates a generator.
	 * @param tables how many tables
	 */
	public EvolvingSchemaGenerator(int tables) {
		if (tables < 1) {
			throw new IllegalArgumentException("At least one table is needed");
		}
		this.tables = tables;
	}

	/** How many tables the schema has. */
	public int tableCount() {
		return this.tables;
	}

	/**
	 * The history, in version order.
	 * @return {@code 5 x tables} migrations
	 */
	public List<Migration> migrations() {
		List<Migration> migrations = new ArrayList<>();
		for (int number = 1; number <= this.tables; number++) {
			String table = name(number);
			int first = (number - 1) * MIGRATIONS_PER_TABLE + 1;
			migrations.add(new Migration(first, "create_" + table,
					"CREATE TABLE " + table + " (\n" + columns(number) + "\n);\n"));
			migrations.add(new Migration(first + 1, "add_status_to_" + table,
					"ALTER TABLE " + table + " ADD COLUMN status varchar(20) NOT NULL DEFAULT 'new';\n"));
			migrations.add(new Migration(first + 2, "index_" + table + "_created_at",
					"CREATE INDEX " + table + "_created_at_idx ON " + table + " (created_at);\n"));
			migrations.add(new Migration(first + 3, "default_" + table + "_amount",
					"ALTER TABLE " + table + " ALTER COLUMN amount SET DEFAULT 0;\n"));
			migrations.add(new Migration(first + 4, "check_" + table + "_amount",
					"ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_amount_check CHECK (amount >= 0);\n"));
		}
		return migrations;
	}

	/**
	 * The DDL of a table as the whole history leaves it.
	 * @param number the table's number, from 1
	 * @return the SQL text
	 */
	public String finalTable(int number) {
		String table = name(number);
		return "CREATE TABLE " + table + " (\n"
				+ columns(number).replace("amount numeric(12, 2),", "amount numeric(12, 2) DEFAULT 0,")
				+ ",\n\tstatus varchar(20) NOT NULL DEFAULT 'new',\n\tCONSTRAINT " + table
				+ "_amount_check CHECK (amount >= 0)\n);\n\nCREATE INDEX " + table + "_created_at_idx ON " + table
				+ " (created_at);\n";
	}

	/**
	 * Writes the history for Flyway ({@code flyway/V1__...sql}) and for Confiture
	 * ({@code confiture/db/migrations/001_...up.sql}), and the final schema as a
	 * Confiture project ({@code confiture/db/schema/10_tables/1_h001_customers.sql}...).
	 * @param directory where to write
	 * @return what was written
	 */
	public GeneratedHistory write(Path directory) {
		List<Migration> migrations = migrations();
		Path flyway = directory.resolve("flyway");
		ConfitureProject project = writeFinalSchema(directory.resolve("confiture"));
		MigrationFiles.writeFlyway(flyway, migrations);
		MigrationFiles.writeConfiture(project.migrationsDirectory(), migrations);
		return new GeneratedHistory(flyway, project, migrations.size());
	}

	/**
	 * Writes only the final schema as a Confiture project without migrations
	 * ({@code db/schema/10_tables/1_h001_customers.sql}...).
	 * @param directory the project root
	 * @return the project
	 */
	public ConfitureProject writeFinalSchema(Path directory) {
		ConfitureProject project = ConfitureProject.create(directory);
		for (int number = 1; number <= this.tables; number++) {
			GeneratedFiles.write(project.schemaDirectory().resolve("10_tables/" + number + "_" + name(number) + ".sql"),
					finalTable(number));
		}
		return project;
	}

	/**
	 * The statements of the final schema, in order, without their semicolons.
	 * @return the statements
	 */
	public List<String> finalStatements() {
		List<String> statements = new ArrayList<>();
		for (int number = 1; number <= this.tables; number++) {
			for (String statement : finalTable(number).split(";\n")) {
				if (!statement.isBlank()) {
					statements.add(statement.strip());
				}
			}
		}
		return statements;
	}

	/**
	 * The name of a table, such as {@code h007_invoices}.
	 * @param number the table's number, from 1
	 * @return the name
	 */
	public static String name(int number) {
		return String.format(Locale.ROOT, "h%03d_%s", number, NOUNS.get((number - 1) % NOUNS.size()));
	}

	private static String columns(int number) {
		String columns = "\tid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n\tname text NOT NULL,\n"
				+ "\tamount numeric(12, 2),\n\tpayload jsonb,\n\tcreated_at timestamptz NOT NULL DEFAULT now()";
		if (number > 1) {
			columns += ",\n\t" + String.format(Locale.ROOT, "h%03d_id", number - 1) + " bigint REFERENCES "
					+ name(number - 1) + " (id)";
		}
		return columns;
	}

}
