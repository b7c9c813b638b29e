package dev.confiture.core.lint;

import java.util.Locale;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.Environment;

/**
 * What happens when migrations about to be applied have lint findings.
 */
public enum LintMode {

	/** Errors stop the run before anything is applied. */
	FAIL,

	/** Findings are reported and the run goes on. */
	WARN,

	/** No lint. */
	OFF;

	/**
	 * Parses {@code fail}, {@code warn} or {@code off}.
	 * @param text the text
	 * @param what what it configures, for the message
	 * @return the mode
	 * @throws ConfitureException if the text is none of them
	 */
	public static LintMode parse(String text, String what) {
		try {
			return valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (RuntimeException ex) {
			throw new ConfitureException(Category.CONFIG, what + ": '" + text + "' is not a lint mode",
					"Use fail, warn or off");
		}
	}

	/**
	 * The mode of an environment that configures none: {@link #FAIL} for an environment
	 * marked {@code protected: true} or named {@code production} or {@code prod},
	 * {@link #WARN} otherwise.
	 * @param environment the environment
	 * @return the mode
	 */
	public static LintMode defaultFor(Environment environment) {
		return environment.protectedEnvironment() ? FAIL : defaultFor(environment.name());
	}

	/**
	 * The mode of an environment that configures none, by name: {@link #FAIL} for
	 * {@code production} and {@code prod}, {@link #WARN} otherwise.
	 * @param environment the environment name
	 * @return the mode
	 */
	public static LintMode defaultFor(String environment) {
		String name = (environment != null) ? environment.toLowerCase(Locale.ROOT) : "";
		return (name.equals("production") || name.equals("prod")) ? FAIL : WARN;
	}

	/**
	 * Applies the mode to a result.
	 * @param result the lint result of the migrations about to be applied
	 * @throws LintFailedException in {@link #FAIL} mode when there are errors
	 */
	public void check(LintResult result) {
		if (this == FAIL && result.hasErrors()) {
			throw new LintFailedException(result);
		}
	}

}
