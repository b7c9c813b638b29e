package dev.confiture.core.validate;

import java.util.List;
import java.util.Objects;

import dev.confiture.core.api.Remedy;

/**
 * The outcome of one check of a {@link ValidationReport}.
 *
 * @param name the check: {@value GitSchemaValidator#REQUIRE_MIGRATION} or
 * {@value GitSchemaValidator#CHECK_DRIFT}
 * @param status whether it passed
 * @param details what it found, one sentence or file each
 * @param remedy what to do about a failed check, for each adapter to word, or
 * {@code null}
 */
public record CheckResult(String name, Status status, List<String> details, Remedy remedy) {

	public CheckResult {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
		details = List.copyOf(details);
	}

	public CheckResult(String name, Status status, List<String> details) {
		this(name, status, details, null);
	}

	static CheckResult passed(String name, List<String> details) {
		return new CheckResult(name, Status.PASSED, details);
	}

	static CheckResult failed(String name, List<String> details, Remedy remedy) {
		return new CheckResult(name, Status.FAILED, details, remedy);
	}

	/** Whether the check passed. */
	public boolean passed() {
		return this.status == Status.PASSED;
	}

	/**
	 * Whether a check passed.
	 */
	public enum Status {

		/** Nothing to complain about. */
		PASSED,

		/** The change is not ready: see the details. */
		FAILED

	}

}
