package dev.confiture.core.coordinate;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The texts of coordination reports (the seed's tables, marks and conflict lines), shared
 * by every adapter so that each shows the same lines. Adapters add their own pointers to
 * commands.
 */
public final class CoordinationTexts {

	/** The columns of the active intents table. */
	public static final List<String> STATUS_HEADERS = List.of("Intent ID", "Agent", "Feature", "Status");

	/** The columns of the table of every intent. */
	public static final List<String> LIST_HEADERS = List.of("Intent ID", "Agent", "Feature", "Status", "Branch",
			"Tables");

	private static final int MAX_CELL = 40;

	private final boolean unicode;

	private CoordinationTexts(boolean unicode) {
		this.unicode = unicode;
	}

	/**
	 * Texts with box-drawing characters and marks, or in plain ASCII.
	 * @param unicode whether the output can show them
	 * @return the texts
	 */
	public static CoordinationTexts of(boolean unicode) {
		return new CoordinationTexts(unicode);
	}

	/**
	 * Texts for standard output: Unicode when its encoding can show the marks, else
	 * ASCII.
	 * @return the texts
	 */
	public static CoordinationTexts forStandardOutput() {
		return new CoordinationTexts(canEncode("\u2705\u26a0\ufe0f\u250c\u2500"));
	}

	/** Whether box-drawing characters and marks are used. */
	public boolean unicode() {
		return this.unicode;
	}

	/** The mark before a line that says all is well (empty in ASCII). */
	public String ok() {
		return this.unicode ? "\u2705 " : "";
	}

	/** The mark before a line that warns. */
	public String warning() {
		return this.unicode ? "\u26a0\ufe0f " : "! ";
	}

	/** The status as the seed prints it: {@code IN_PROGRESS}. */
	public static String status(IntentStatus status) {
		return status.name();
	}

	/**
	 * Text from the database with control characters replaced, safe for one terminal
	 * line.
	 */
	public static String clean(String text) {
		return (text != null) ? text.replaceAll("\\p{Cntrl}", " ") : "";
	}

	/** Names quoted and joined: {@code 'users', 'posts'}. */
	public static String quotedList(List<String> names) {
		return String.join(", ", names.stream().map((name) -> "'" + clean(name) + "'").toList());
	}

	/**
	 * The table of active intents: id, agent, feature, status.
	 * @param intents the intents
	 * @return the table, each line ending with a line break
	 */
	public String statusTable(List<Intent> intents) {
		return table(STATUS_HEADERS, intents.stream()
			.map((intent) -> List.of(intent.id(), intent.agentId(), intent.featureName(), status(intent.status())))
			.toList());
	}

	/**
	 * The table of intents with their branches and tables.
	 * @param intents the intents
	 * @return the table, each line ending with a line break
	 */
	public String listTable(List<Intent> intents) {
		return table(LIST_HEADERS,
				intents.stream()
					.map((intent) -> List.of(intent.id(), intent.agentId(), intent.featureName(),
							status(intent.status()), intent.branchName(), String.join(", ", intent.tables())))
					.toList());
	}

	/**
	 * The summary under the active intents table:
	 * {@code 2 active intents, 1 open conflict}.
	 * @param intents how many active intents
	 * @param conflicts how many open conflicts
	 * @return the line
	 */
	public static String summary(int intents, long conflicts) {
		return String.format(Locale.ROOT, "%d active intent%s, %d open conflict%s", intents, (intents == 1) ? "" : "s",
				conflicts, (conflicts == 1) ? "" : "s");
	}

	/**
	 * What a check of planned work found: the conflicts and suggestions, or what was
	 * checked, then the statements that could not be checked.
	 * @param check the check
	 * @return the lines
	 */
	public List<String> check(ConflictCheck check) {
		List<String> lines = new ArrayList<>();
		if (check.hasConflicts()) {
			int count = check.conflicts().size();
			lines.add(warning() + ((count == 1) ? "Conflict detected!"
					: String.format(Locale.ROOT, "%d conflicts detected!", count)));
			lines.addAll(conflicts(check.conflicts()));
		}
		else {
			List<TouchedObject> known = check.touches()
				.stream()
				.filter((object) -> object.kind() != ObjectKind.UNKNOWN)
				.toList();
			List<String> tables = known.stream()
				.filter((object) -> object.kind() == ObjectKind.TABLE)
				.map(TouchedObject::name)
				.toList();
			String checked = !tables.isEmpty() ? quotedList(tables) : String.join(", ",
					known.stream().map((object) -> object.kind().value() + " '" + clean(object.name()) + "'").toList());
			lines.add(ok() + (known.isEmpty() ? "No conflicts (nothing to check)"
					: "No conflicts: no other agent is working on " + checked));
		}
		lines.addAll(unrecognised(check.unrecognised()));
		return lines;
	}

	/**
	 * One line per conflict, as seen by the agent that planned the work, then one line
	 * per distinct suggestion.
	 * @param conflicts the conflicts
	 * @return the lines
	 */
	public static List<String> conflicts(List<Conflict> conflicts) {
		List<String> lines = new ArrayList<>();
		Set<String> suggestions = new LinkedHashSet<>();
		for (Conflict conflict : conflicts) {
			lines.add("  - " + describeForAgent(conflict));
			suggestions.add(conflict.suggestion());
		}
		suggestions.forEach((suggestion) -> lines.add("  - Suggestion: " + clean(suggestion)));
		return lines;
	}

	/**
	 * The open conflicts between active intents, each with its suggestion.
	 * @param conflicts the open conflicts
	 * @return the lines
	 */
	public List<String> openConflicts(List<Conflict> conflicts) {
		if (conflicts.isEmpty()) {
			return List.of(ok() + "No open conflicts");
		}
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "%s%d open conflict%s", warning(), conflicts.size(),
				(conflicts.size() == 1) ? "" : "s"));
		for (Conflict conflict : conflicts) {
			lines.add("  - " + describe(conflict));
			lines.add("    Suggestion: " + clean(conflict.suggestion()));
		}
		return lines;
	}

	/**
	 * A conflict between two intents:
	 * {@code int_a (alice) and int_b (bob): table 'users' [warning]}.
	 */
	public static String describe(Conflict conflict) {
		return conflict.intentId() + " (" + clean(conflict.agentId()) + ") and " + conflict.otherIntentId() + " ("
				+ clean(conflict.otherAgentId()) + "): " + conflict.kind().value() + " '" + clean(conflict.object())
				+ "' [" + conflict.severity().value() + "]";
	}

	/**
	 * The statements whose objects are unknown, so not checked.
	 * @param statements the statements
	 * @return the lines, none when every statement was recognised
	 */
	public static List<String> unrecognised(List<UnrecognisedStatement> statements) {
		if (statements.isEmpty()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Not checked: %d statement%s not recognised, the objects %s are unknown:",
				statements.size(), (statements.size() == 1) ? "" : "s",
				(statements.size() == 1) ? "it touches" : "they touch"));
		for (UnrecognisedStatement statement : statements) {
			lines.add("  line " + statement.line() + ": " + clean(statement.statement()) + " (" + statement.reason()
					+ ")");
		}
		return lines;
	}

	/**
	 * One intent in detail: its fields, its history and its open conflicts.
	 * @param intent the intent
	 * @param conflicts its conflicts
	 * @param history its status changes
	 * @return the lines
	 */
	public static List<String> intent(Intent intent, List<Conflict> conflicts, List<HistoryEntry> history) {
		List<String> lines = new ArrayList<>();
		lines.add("Intent " + intent.id());
		field(lines, "Agent", intent.agentId());
		field(lines, "Feature", intent.featureName());
		field(lines, "Branch", intent.branchName());
		field(lines, "Status", status(intent.status()));
		field(lines, "Risk", intent.riskLevel().value());
		field(lines, "Tables", String.join(", ", intent.tables()));
		field(lines, "Touches", String.join(", ", intent.touches().stream().map(TouchedObject::toString).toList()));
		if (intent.estimatedHours() != null) {
			field(lines, "Estimate", intent.estimatedHours().toPlainString() + " h");
		}
		field(lines, "Notes", intent.notes());
		field(lines, "Outcome", intent.outcome());
		field(lines, "Reason", intent.reason());
		field(lines, "Created", intent.createdAt().toString());
		field(lines, "Updated", intent.updatedAt().toString());
		lines.add("History:");
		for (HistoryEntry entry : history) {
			lines.add("  " + entry.changedAt() + "  "
					+ ((entry.oldStatus() != null) ? status(entry.oldStatus()) + " -> " : "")
					+ status(entry.newStatus()) + ((entry.changedBy() != null) ? " by " + clean(entry.changedBy()) : "")
					+ ((entry.reason() != null) ? ": " + clean(entry.reason()) : ""));
		}
		List<Conflict> open = conflicts.stream().filter(Conflict::isOpen).toList();
		if (!open.isEmpty()) {
			lines.add("Open conflicts:");
			open.forEach((conflict) -> lines.add("  - " + describe(conflict)));
		}
		return lines;
	}

	/**
	 * Renders a boxed table; cells longer than 40 characters are cut with {@code ...}.
	 * @param headers the column headers
	 * @param rows the rows, each with one cell per header
	 * @return the table, one line per row plus borders, each ending with a line break
	 */
	public String table(List<String> headers, List<List<String>> rows) {
		List<List<String>> cells = new ArrayList<>();
		cells.add(headers);
		rows.forEach((row) -> cells.add(row.stream().map(CoordinationTexts::cell).toList()));
		int[] widths = new int[headers.size()];
		for (List<String> row : cells) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], row.get(i).length() + 3);
			}
		}
		String[] box = this.unicode
				? new String[] { "\u250c", "\u252c", "\u2510", "\u251c", "\u253c", "\u2524", "\u2514", "\u2534",
						"\u2518", "\u2500", "\u2502" }
				: new String[] { "+", "+", "+", "+", "+", "+", "+", "+", "+", "-", "|" };
		StringBuilder table = new StringBuilder();
		border(table, widths, box[0], box[1], box[2], box[9]);
		line(table, widths, cells.get(0), box[10]);
		border(table, widths, box[3], box[4], box[5], box[9]);
		for (List<String> row : cells.subList(1, cells.size())) {
			line(table, widths, row, box[10]);
		}
		border(table, widths, box[6], box[7], box[8], box[9]);
		return table.toString();
	}

	private static String describeForAgent(Conflict conflict) {
		String agent = clean(conflict.otherAgentId());
		if (conflict.kind() == ObjectKind.TABLE) {
			return agent + " is working on '" + clean(conflict.object()) + "' table (" + conflict.otherIntentId() + ")";
		}
		return agent + " is changing " + conflict.kind().value() + " '" + clean(conflict.object()) + "' ("
				+ conflict.otherIntentId() + ") [" + conflict.severity().value() + "]";
	}

	private static void field(List<String> lines, String name, String value) {
		if (value != null && !value.isEmpty()) {
			lines.add(String.format(Locale.ROOT, "  %-9s %s", name + ":", clean(value)));
		}
	}

	private static String cell(String value) {
		String text = clean(value);
		return (text.length() <= MAX_CELL) ? text : text.substring(0, MAX_CELL - 3) + "...";
	}

	private static void border(StringBuilder table, int[] widths, String left, String middle, String right,
			String horizontal) {
		table.append(left);
		for (int i = 0; i < widths.length; i++) {
			table.append(horizontal.repeat(widths[i])).append((i < widths.length - 1) ? middle : right);
		}
		table.append('\n');
	}

	private static void line(StringBuilder table, int[] widths, List<String> row, String vertical) {
		table.append(vertical);
		for (int i = 0; i < widths.length; i++) {
			String value = row.get(i);
			table.append(' ').append(value).append(" ".repeat(widths[i] - value.length() - 1)).append(vertical);
		}
		table.append('\n');
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
