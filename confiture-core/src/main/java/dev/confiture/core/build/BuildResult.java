package dev.confiture.core.build;

import java.time.Duration;
import java.util.List;

/**
 * What a build did.
 *
 * @param environment the environment's name
 * @param database the target, without secrets
 * @param schemaFiles the schema files applied, in order
 * @param seedFiles the seed files applied, in order (empty with {@code schemaOnly})
 * @param schemaHash SHA-256 of the schema files
 * @param statementCount how many statements ran
 * @param droppedSchemas schemas dropped first ({@code --drop-existing})
 * @param skippedReason why nothing was done (only an empty database was to be built, and
 * it is not empty), or {@code null}
 * @param baselinedMigrations versions of migrations marked as applied by this build
 * @param duration how long it took, as recorded in {@code confiture_builds.duration_ms}
 * @param baselineProof what the baseline proof found
 */
public record BuildResult(String environment, String database, List<SchemaFile> schemaFiles, List<SchemaFile> seedFiles,
		String schemaHash, int statementCount, List<String> droppedSchemas, String skippedReason,
		List<String> baselinedMigrations, Duration duration, BaselineProof baselineProof) {

	/**
	 * A result without a baseline proof.
	 * @param environment the environment's name
	 * @param database the target, without secrets
	 * @param schemaFiles the schema files applied, in order
	 * @param seedFiles the seed files applied, in order
	 * @param schemaHash SHA-256 of the schema files
	 * @param statementCount how many statements ran
	 * @param droppedSchemas schemas dropped first
	 * @param skippedReason why nothing was done, or {@code null}
	 * @param baselinedMigrations versions of migrations marked as applied by this build
	 * @param duration how long it took
	 */
	public BuildResult(String environment, String database, List<SchemaFile> schemaFiles, List<SchemaFile> seedFiles,
			String schemaHash, int statementCount, List<String> droppedSchemas, String skippedReason,
			List<String> baselinedMigrations, Duration duration) {
		this(environment, database, schemaFiles, seedFiles, schemaHash, statementCount, droppedSchemas, skippedReason,
				baselinedMigrations, duration, BaselineProof.NOT_RUN);
	}

	public BuildResult {
		schemaFiles = List.copyOf(schemaFiles);
		seedFiles = List.copyOf(seedFiles);
		droppedSchemas = List.copyOf(droppedSchemas);
		baselinedMigrations = List.copyOf(baselinedMigrations);
		baselineProof = (baselineProof != null) ? baselineProof : BaselineProof.NOT_RUN;
	}

	/** Whether the build was skipped because the database was not empty. */
	public boolean skipped() {
		return this.skippedReason != null;
	}

}
