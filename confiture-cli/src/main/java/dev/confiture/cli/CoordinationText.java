package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.CoordinationTexts;
import dev.confiture.core.coordinate.IntentStatus;
import dev.confiture.core.coordinate.UnrecognisedStatement;

/**
 * The text output of {@code confiture coordinate}: core's {@link CoordinationTexts} for
 * standard output, in plain ASCII when standard output cannot encode the marks.
 */
final class CoordinationText {

	static final CoordinationTexts TEXTS = CoordinationTexts.forStandardOutput();

	static final boolean UNICODE = TEXTS.unicode();

	static final String OK = TEXTS.ok();

	static final String WARNING = TEXTS.warning();

	private CoordinationText() {
	}

	/** The status as the seed prints it: {@code IN_PROGRESS}. */
	static String status(IntentStatus status) {
		return CoordinationTexts.status(status);
	}

	/** One line per conflict, then one line per distinct suggestion. */
	static void conflicts(PrintWriter out, List<Conflict> conflicts) {
		CoordinationTexts.conflicts(conflicts).forEach(out::println);
	}

	static void unrecognised(PrintWriter out, List<UnrecognisedStatement> statements) {
		CoordinationTexts.unrecognised(statements).forEach(out::println);
	}

	static String quotedList(List<String> names) {
		return CoordinationTexts.quotedList(names);
	}

	/**
	 * Text from the database with control characters replaced, safe for one terminal
	 * line.
	 */
	static String clean(String text) {
		return CoordinationTexts.clean(text);
	}

}
