package dev.confiture.demo.blog;

import java.util.List;

/**
 * Thrown when arguments are refused; holds every {@link Violation} found, not only the
 * first.
 */
class InvalidInputException extends RuntimeException {

	private final List<Violation> violations;

	InvalidInputException(List<Violation> violations) {
		super(violations.stream().map(Violation::message).reduce((a, b) -> a + "; " + b).orElse("Invalid input"), null,
				false, false);
		this.violations = List.copyOf(violations);
	}

	List<Violation> violations() {
		return this.violations;
	}

}
