package dev.confiture.core.build;

import java.time.Duration;
import java.util.List;

/**
 * What the baseline proof of a build found: whether each migration marked as applied is
 * already contained in the schema files. Each migration ran on the freshly built schema,
 * in the build's transaction, and was rolled back; one that changed the catalog is not
 * mirrored by the schema files.
 *
 * @param ran whether the proof ran (it can be turned off)
 * @param checked how many migrations were checked
 * @param unmirrored the migrations whose effect is missing from the schema files
 * @param notes statements that failed for another reason than an object that already
 * exists or does not exist, which could therefore not be checked, one line each
 * @param duration how long the proof took
 */
public record BaselineProof(boolean ran, int checked, List<Unmirrored> unmirrored, List<String> notes,
		Duration duration) {

	/** The proof did not run. */
	public static final BaselineProof NOT_RUN = new BaselineProof(false, 0, List.of(), List.of(), Duration.ZERO);

	public BaselineProof {
		unmirrored = List.copyOf(unmirrored);
		notes = List.copyOf(notes);
	}

	/** Whether every migration checked is mirrored by the schema files. */
	public boolean passed() {
		return this.unmirrored.isEmpty();
	}

	/**
	 * A migration that changes a freshly built schema.
	 *
	 * @param migration the migration's display name ({@code version_name})
	 * @param location its file or class
	 * @param changes what it would change, e.g. {@code adds column public.book.isbn}
	 */
	public record Unmirrored(String migration, String location, List<String> changes) {

		public Unmirrored {
			changes = List.copyOf(changes);
		}

	}

}
