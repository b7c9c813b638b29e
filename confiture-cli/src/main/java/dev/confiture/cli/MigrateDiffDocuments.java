package dev.confiture.cli;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import dev.confiture.core.diff.DiffResult;
import dev.confiture.core.diff.Hazard;
import dev.confiture.core.diff.Plan;
import dev.confiture.core.migrate.GeneratedMigration;
import dev.confiture.core.migrate.SchemaEditResult;

/**
 * The JSON documents of {@code migrate diff}, and the plan entries that
 * {@code migrate verify} shares.
 */
final class MigrateDiffDocuments {

	private MigrateDiffDocuments() {
	}

	static List<StepDocument> steps(Plan plan) {
		return plan.steps()
			.stream()
			.map((step) -> new StepDocument(step.description(), step.statements(), hazards(step.hazards()),
					step.concurrent()))
			.toList();
	}

	static List<HazardDocument> hazards(List<Hazard> hazards) {
		return hazards.stream().map((hazard) -> new HazardDocument(hazard.type().name(), hazard.message())).toList();
	}

	private static String upFile(GeneratedMigration generated) {
		return (generated != null) ? generated.upFile().toString() : null;
	}

	private static String downFile(GeneratedMigration generated) {
		return (generated != null) ? generated.downFile().toString() : null;
	}

	private static String version(GeneratedMigration generated) {
		return (generated != null) ? generated.version() : null;
	}

	/**
	 * {@code migrate diff OLD NEW}: the plan, and the files when a migration was written.
	 */
	record DiffDocument(boolean ok, String from, String to, int changes, List<StepDocument> steps,
			List<HazardDocument> hazards, List<String> notes, String up, String down,
			@JsonInclude(Include.NON_NULL) String version, @JsonInclude(Include.NON_NULL) String upFile,
			@JsonInclude(Include.NON_NULL) String downFile) {

		static DiffDocument of(DiffResult diff, GeneratedMigration generated) {
			Plan up = diff.up();
			return new DiffDocument(true, diff.from(), diff.to(), up.steps().size(), MigrateDiffDocuments.steps(up),
					MigrateDiffDocuments.hazards(up.hazards()), up.notes(), up.script(List.of()),
					diff.down().script(List.of()), MigrateDiffDocuments.version(generated),
					MigrateDiffDocuments.upFile(generated), MigrateDiffDocuments.downFile(generated));
		}

	}

	/**
	 * {@code migrate diff --generate} without OLD and NEW: what was replayed, the plan,
	 * and the files when a migration was written.
	 */
	record SchemaEditDocument(boolean ok, String base, List<String> replayedMigrations, boolean upToDate, String from,
			String to, int changes, List<StepDocument> steps, List<HazardDocument> hazards, List<String> notes,
			String up, String down, @JsonInclude(Include.NON_NULL) String version,
			@JsonInclude(Include.NON_NULL) String upFile, @JsonInclude(Include.NON_NULL) String downFile) {

		static SchemaEditDocument of(SchemaEditResult result) {
			DiffResult diff = result.diff();
			Plan up = diff.up();
			GeneratedMigration files = result.written() ? result.files() : null;
			return new SchemaEditDocument(true, result.base(), result.replayedMigrations(), result.upToDate(),
					diff.from(), diff.to(), up.steps().size(), MigrateDiffDocuments.steps(up),
					MigrateDiffDocuments.hazards(up.hazards()), up.notes(), up.script(List.of()),
					diff.down().script(List.of()), MigrateDiffDocuments.version(files),
					MigrateDiffDocuments.upFile(files), MigrateDiffDocuments.downFile(files));
		}

	}

	/** One step of a plan. */
	record StepDocument(String description, List<String> statements, List<HazardDocument> hazards, boolean concurrent) {

	}

	/** One hazard of a plan or a step. */
	record HazardDocument(String type, String message) {

	}

}
