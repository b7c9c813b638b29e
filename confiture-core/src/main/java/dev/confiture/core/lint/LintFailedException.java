package dev.confiture.core.lint;

import java.util.stream.Collectors;

import dev.confiture.core.api.ConfitureException;

/**
 * Lint found errors in migrations about to be applied, so nothing was applied.
 */
public class LintFailedException extends ConfitureException {

	private final transient LintResult result;

	/**
	 * Creates the exception.
	 * @param result the lint result with its errors
	 */
	public LintFailedException(LintResult result) {
		super(Category.GENERIC, "Lint found " + result.errors().size()
				+ " error(s) in the migrations about to be applied; nothing was applied:" + System.lineSeparator()
				+ result.errors()
					.stream()
					.map((finding) -> finding + System.lineSeparator() + "  Safe alternative: " + finding.alternative())
					.collect(Collectors.joining(System.lineSeparator())),
				"Change the migrations as suggested, or allow a finding that is safe here with "
						+ "-- confiture:allow RULE reason on the line above its statement");
		this.result = result;
	}

	/** The lint result. */
	public LintResult result() {
		return this.result;
	}

}
