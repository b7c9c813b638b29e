package dev.confiture.core.sync;

import java.util.List;
import java.util.Objects;

/**
 * A schema-to-schema copy (Medium 4): the target is built from its own schema files, then
 * each of its tables is filled from the source through a mapping.
 *
 * @param from the source database (only read)
 * @param mappingFile the file the mappings were read from, for messages, or {@code null}
 * @param mappings how each target table is filled
 * @param verify compare row counts and a checksum of the mapped key columns afterwards
 * @param dryRun check the mapping and print the plan; build and copy nothing
 * @param listener follows the copy
 */
public record SchemaCopyOptions(SyncEndpoint from, java.nio.file.Path mappingFile, List<TableMapping> mappings,
		boolean verify, boolean dryRun, SyncListener listener) {

	public SchemaCopyOptions {
		Objects.requireNonNull(from, "from");
		mappings = List.copyOf(mappings);
		listener = (listener != null) ? listener : SyncListener.NONE;
	}

	/**
	 * Options whose mappings are read from a file.
	 * @param from the source database
	 * @param mappingFile the mapping (YAML)
	 * @param variables the variables for {@code ${VAR}}
	 * @param verify compare the tables afterwards
	 * @param dryRun check and plan only
	 * @param listener follows the copy, or {@code null}
	 * @return the options
	 */
	public static SchemaCopyOptions fromFile(SyncEndpoint from, java.nio.file.Path mappingFile,
			java.util.Map<String, String> variables, boolean verify, boolean dryRun, SyncListener listener) {
		return new SchemaCopyOptions(from, mappingFile, MappingFile.load(mappingFile, variables), verify, dryRun,
				listener);
	}

}
