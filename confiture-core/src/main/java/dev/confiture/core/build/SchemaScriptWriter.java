package dev.confiture.core.build;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes the files of a build as one SQL script, for {@code confiture build --output}.
 * The script is deterministic: the same files give the same bytes.
 */
final class SchemaScriptWriter {

	private SchemaScriptWriter() {
	}

	static void write(String environment, SchemaSources sources, List<SchemaFile> files, Writer out)
			throws IOException {
		out.write("-- Schema built by Confiture: the schema files in build order, written instead of run\n");
		out.write("-- Environment: " + environment + "\n");
		out.write("-- Schema hash: " + sources.schemaHash() + "\n");
		out.write("-- Files: " + files.size() + "\n");
		out.write("-- Do not edit: edit the source files and build again.\n");
		for (SchemaFile file : files) {
			out.write("\n-- ==== " + file.relativePath() + " ====\n");
			String text = SchemaHash.text(file);
			out.write(text);
			if (!text.isEmpty() && !text.endsWith("\n")) {
				out.write('\n');
			}
		}
	}

}
