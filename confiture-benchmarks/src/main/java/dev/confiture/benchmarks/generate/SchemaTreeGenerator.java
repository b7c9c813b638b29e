package dev.confiture.benchmarks.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a schema of generated tables ({@link TableSql}), one file per table, into nested
 * numbered folders. The folder fan-outs give the shape: {@code [10, 50]} is ten folders
 * of fifty files; {@code [10, 10, 10]} is ten folders of ten folders of ten files.
 * Folders are numbered {@code 10_part_1} to {@code 100_part_10} (so that the natural
 * order matters) and files {@code 1_t0001_customers.sql} on; the natural order of the
 * paths is the order of the tables, so every foreign key points to a table built earlier.
 */
public final class SchemaTreeGenerator {

	private final List<Integer> fanOuts;

	/**
	 * Creates a generator.
	 * @param fanOuts how many entries each level holds, the last one being files per
	 * folder
	 */
	public SchemaTreeGenerator(List<Integer> fanOuts) {
		if (fanOuts.isEmpty() || fanOuts.stream().anyMatch((fanOut) -> fanOut < 1)) {
			throw new IllegalArgumentException("Fan-outs must be positive: " + fanOuts);
		}
		this.fanOuts = List.copyOf(fanOuts);
	}

	/** How many tables (files) the generator writes: the product of the fan-outs. */
	public int tableCount() {
		return this.fanOuts.stream().reduce(1, Math::multiplyExact);
	}

	/**
	 * Writes the files.
	 * @param schemaDirectory the directory to write under, such as {@code db/schema}
	 * @return the relative paths written, in table order
	 */
	public List<String> write(Path schemaDirectory) {
		List<String> written = new ArrayList<>();
		for (int index = 0; index < tableCount(); index++) {
			String relative = relativePath(index);
			GeneratedFiles.write(schemaDirectory.resolve(relative), TableSql.create(index + 1));
			written.add(relative);
		}
		return written;
	}

	private String relativePath(int index) {
		StringBuilder path = new StringBuilder();
		int remainder = index;
		int[] positions = new int[this.fanOuts.size()];
		for (int level = this.fanOuts.size() - 1; level >= 0; level--) {
			positions[level] = remainder % this.fanOuts.get(level);
			remainder /= this.fanOuts.get(level);
		}
		for (int level = 0; level < positions.length - 1; level++) {
			int position = positions[level] + 1;
			path.append(String.format(Locale.ROOT, "%d_part_%d/", position * 10, position));
		}
		path.append(positions[positions.length - 1] + 1).append('_').append(TableSql.name(index + 1)).append(".sql");
		return path.toString();
	}

}
