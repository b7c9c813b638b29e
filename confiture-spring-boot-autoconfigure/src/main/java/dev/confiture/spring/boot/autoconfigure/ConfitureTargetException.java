package dev.confiture.spring.boot.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;

/**
 * A failure of one named target ({@code confiture.targets.<name>}): the message starts
 * with the target's name, and the properties it names are the target's.
 */
final class ConfitureTargetException extends ConfitureException {

	private static final Pattern PROPERTY = Pattern.compile("\\bconfiture\\.((?:mode|schema-locations|"
			+ "migration-locations|seed-locations|seed-profiles|java-migrations-package|tracking-table|lock-wait|"
			+ "on-checksum-mismatch|url|user|password|connect-timeout|login-timeout|socket-timeout|check-drift|"
			+ "shadow-url|prove-baseline|on-unsupported-database|baseline-on-first-start|connect-retries-interval|"
			+ "connect-retries|lock-timeout|statement-timeout|lock-retries|lint)(?![a-z-]))");

	private final String target;

	private ConfitureTargetException(String target, ConfitureException cause) {
		super(cause.category(), "Confiture target '" + target + "': " + properties(target, cause.getMessage()),
				properties(target, RemedyText.of(cause)), cause);
		this.target = target;
	}

	private ConfitureTargetException(String target, RuntimeException cause) {
		super(Category.GENERIC, "Confiture target '" + target + "': " + cause.getMessage(),
				"See the cause below; set confiture.targets." + target + ".mode=none to start without touching it",
				cause);
		this.target = target;
	}

	/**
	 * A failure of a target.
	 * @param target the target's name
	 * @param cause what failed
	 * @return the failure, naming the target
	 */
	static ConfitureTargetException of(String target, RuntimeException cause) {
		return (cause instanceof ConfitureException confiture) ? new ConfitureTargetException(target, confiture)
				: new ConfitureTargetException(target, cause);
	}

	/** The target's name. */
	String target() {
		return this.target;
	}

	/**
	 * Names the target's properties instead of the top-level ones.
	 * @param target the target's name
	 * @param text a message or an advice naming {@code confiture.*} properties
	 * @return the text, or {@code null}
	 */
	static String properties(String target, String text) {
		return (text != null) ? PROPERTY.matcher(text)
			.replaceAll(Matcher.quoteReplacement("confiture.targets." + target + ".") + "$1") : null;
	}

}
