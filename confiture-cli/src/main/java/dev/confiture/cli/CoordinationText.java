package dev.confiture.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.IntentStatus;
import dev.confiture.core.coordinate.ObjectKind;
import dev.confiture.core.coordinate.UnrecognisedStatement;

/**
 * The text output of {@code confiture coordinate}: the marks and conflict lines of the seed's
 * examples, in plain ASCII when standard output cannot encode them.
 */
final class CoordinationText {

	static final boolean UNICODE = canEncode("\u2705\u26a0\ufe0f\u250c\u2500");

	static final String OK = UNICODE ? "\u2705 " : "";

	static final String WARNING = UNICODE ? "\u26a0\ufe0f " : "! ";

	private CoordinationText() {
	}

	/** The status as the seed prints it: {@code IN_PROGRESS}. */
	static String status(IntentStatus status) {
		return status.name();
	}

	/**
	 * One line per conflict, then one line per distinct suggestion.
	 * @param out where to print
	 * @param conflicts the conflicts
	 */
	static void conflicts(PrintWriter out, List<Conflict> conflicts) {
		Set<String> suggestions = new LinkedHashSet<>();
		for (Conflict conflict : conflicts) {
			out.println("  - " + describe(conflict));
			suggestions.add(conflict.suggestion());
		}
		suggestions.forEach((suggestion) -> out.println("  - Suggestion: " + clean(suggestion)));
	}

	static String describe(Conflict conflict) {
		String agent = clean(conflict.otherAgentId());
		if (conflict.kind() == ObjectKind.TABLE) {
			return agent + " is working on '" + clean(conflict.object()) + "' table (" + conflict.otherIntentId() + ")";
		}
		return agent + " is changing " + conflict.kind().value() + " '" + clean(conflict.object()) + "' ("
				+ conflict.otherIntentId() + ") [" + conflict.severity().value() + "]";
	}

	static void unrecognised(PrintWriter out, List<UnrecognisedStatement> statements) {
		if (statements.isEmpty()) {
			return;
		}
		out.printf(Locale.ROOT, "Not checked: %d statement%s not recognised, the objects %s are unknown:%n",
				statements.size(), (statements.size() == 1) ? "" : "s", (statements.size() == 1) ? "it touches" : "they touch");
		for (UnrecognisedStatement statement : statements) {
			out.println("  line " + statement.line() + ": " + clean(statement.statement()) + " (" + statement.reason() + ")");
		}
	}

	static String quotedList(List<String> names) {
		return String.join(", ", names.stream().map((name) -> "'" + clean(name) + "'").toList());
	}

	/** Text from the database with control characters replaced, safe for one terminal line. */
	static String clean(String text) {
		return (text != null) ? text.replaceAll("\\p{Cntrl}", " ") : "";
	}

	private static boolean canEncode(String text) {
		String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
		try {
			Charset charset = (name != null) ? Charset.forName(name) : Charset.defaultCharset();
			return charset.newEncoder().canEncode(text);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
