package dev.confiture.core.validate;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check of a {@link ValidationReport}.
 *
 * @param name the check: {@value GitSchemaValidator#REQUIRE_MIGRATION} or
 * {@value GitSchemaValidator#CHECK_DRIFT}
 * @param status whether it passed
 * @param details what it found, one sentence or file each
 */
public record CheckResult(String name, Status status, List<String> details) {

	public CheckResult {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
		details = List.copyOf(details);
	}

	static CheckResult passed(String name, List<String> details) {
		return new CheckResult(name, Status.PASSED, details);
	}

	static CheckResult failed(String name, List<String> details) {
		return new CheckResult(name, Status.FAILED, details);
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
