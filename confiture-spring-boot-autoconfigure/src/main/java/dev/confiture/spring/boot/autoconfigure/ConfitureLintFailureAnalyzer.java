package dev.confiture.spring.boot.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.confiture.core.lint.LintFailedException;

/**
 * Explains a startup refused by {@code confiture.lint.mode=fail}: each error with its
 * rule, {@code file:line} and the safe alternative.
 */
class ConfitureLintFailureAnalyzer extends AbstractFailureAnalyzer<LintFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LintFailedException cause) {
		String findings = cause.result()
			.errors()
			.stream()
			.map((finding) -> "    " + finding.rule().id() + " at " + finding.location() + ": " + finding.message()
					+ ((finding.size() != null) ? " [" + finding.object() + ": " + finding.size() + "]" : "")
					+ System.lineSeparator() + "      Safe alternative: " + finding.alternative())
			.collect(Collectors.joining(System.lineSeparator()));
		ConfitureTargetException target = findCause(rootFailure, ConfitureTargetException.class);
		String description = ((target != null) ? "Confiture target '" + target.target() + "': " : "")
				+ "Confiture did not apply the pending migrations: lint found " + cause.result().errors().size()
				+ " error(s); nothing was applied:" + System.lineSeparator() + findings;
		String action = "Change the migrations as suggested, or allow a finding that is safe here with "
				+ "'-- confiture:allow RULE reason' on the line above its statement. To start anyway, set "
				+ "confiture.lint.mode=warn.";
		return new FailureAnalysis(description,
				(target != null) ? ConfitureTargetException.properties(target.target(), action) : action, cause);
	}

}
