package dev.confiture.benchmarks.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Two versions of a {@link SchemaTreeGenerator} schema for a diff: the old one as
 * generated, and a new one that differs as a schema does after a few weeks of work: a
 * {@code notes text} column added to three tables, an index on {@code name} added to two,
 * the type of one column changed ({@code code varchar(64)} to {@code varchar(128)}), and
 * the last table (which no other table references) dropped.
 */
public final class DivergedSchemaGenerator {

	/** The tables that get a {@code notes} column in the new schema. */
	public static final List<Integer> ADDED_COLUMNS = List.of(10, 100, 200);

	/** The tables that get an index on {@code name} in the new schema. */
	public static final List<Integer> ADDED_INDEXES = List.of(25, 150);

	/** The table whose {@code code} column is retyped in the new schema. */
	public static final int RETYPED = 50;

	private final SchemaTreeGenerator tree;

	/**
	 * Creates a generator.
	 * @param fanOuts the shape of the old schema, as for {@link SchemaTreeGenerator}; it
	 * must have at least 200 tables
	 */
	public DivergedSchemaGenerator(List<Integer> fanOuts) {
		this.tree = new SchemaTreeGenerator(fanOuts);
		if (this.tree.tableCount() < 200) {
			throw new IllegalArgumentException("At least 200 tables are needed, not " + this.tree.tableCount());
		}
	}

	/** How many tables the old schema has (the new one has one fewer). */
	public int tableCount() {
		return this.tree.tableCount();
	}

	/** The name of the table the new schema drops. */
	public String droppedTable() {
		return TableSql.name(tableCount());
	}

	/**
	 * Writes both schemas.
	 * @param oldDirectory where to write the old schema
	 * @param newDirectory where to write the new schema
	 */
	public void write(Path oldDirectory, Path newDirectory) {
		this.tree.write(oldDirectory);
		List<String> files = this.tree.write(newDirectory);
		try {
			for (int number : ADDED_COLUMNS) {
				edit(newDirectory.resolve(files.get(number - 1)), "\tupdated_at timestamptz,\n",
						"\tupdated_at timestamptz,\n\tnotes text,\n");
			}
			for (int number : ADDED_INDEXES) {
				Path file = newDirectory.resolve(files.get(number - 1));
				String table = TableSql.name(number);
				Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\nCREATE INDEX " + table
						+ "_name_idx ON " + table + " (name);\n", StandardCharsets.UTF_8);
			}
			edit(newDirectory.resolve(files.get(RETYPED - 1)), "\tcode varchar(64) NOT NULL,\n",
					"\tcode varchar(128) NOT NULL,\n");
			Files.delete(newDirectory.resolve(files.get(tableCount() - 1)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void edit(Path file, String from, String to) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		if (!text.contains(from)) {
			throw new IllegalStateException(file + " does not contain " + from);
		}
		Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
	}

}
