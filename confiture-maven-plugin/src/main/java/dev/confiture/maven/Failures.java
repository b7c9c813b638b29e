package dev.confiture.maven;

import org.apache.maven.plugin.MojoFailureException;

import dev.confiture.core.api.ConfitureException;

/**
 * Turns a Confiture failure into a {@link MojoFailureException} with its message and its
 * remedy in Maven words (see {@link RemedyText}), without secrets.
 */
final class Failures {

	private Failures() {
	}

	static MojoFailureException of(ConfitureException ex, Secrets secrets) {
		String message = secrets.clean(ex.getMessage());
		String hint = secrets.clean(RemedyText.of(ex));
		String text = (hint != null && !message.contains(hint)) ? message + System.lineSeparator() + "Hint: " + hint
				: message;
		// the cause is left out: its messages may hold what the sanitised text does not
		// show
		return new MojoFailureException(text);
	}

	static MojoFailureException of(String message, String hint) {
		return new MojoFailureException((hint != null) ? message + System.lineSeparator() + "Hint: " + hint : message);
	}

}
