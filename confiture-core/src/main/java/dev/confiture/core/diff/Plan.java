package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered changes that turn one schema into another, as computed by
 * {@link SchemaDiff}.
 *
 * @param steps the changes, in the order they must run
 * @param notes differences that are not migrated (such as column order), one sentence
 * each
 * @param functionBodiesUnchecked whether the script must start with
 * {@code SET check_function_bodies = off} because it creates functions
 */
public record Plan(List<Step> steps, List<String> notes, boolean functionBodiesUnchecked) {

	public Plan {
		steps = List.copyOf(steps);
		notes = List.copyOf(notes);
	}

	/** Whether there is nothing to migrate. */
	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

	/** The hazards of all steps, in step order. */
	public List<Hazard> hazards() {
		List<Hazard> hazards = new ArrayList<>();
		this.steps.forEach((step) -> hazards.addAll(step.hazards()));
		return hazards;
	}

	/** Whether a step must run outside a transaction block. */
	public boolean concurrent() {
		return this.steps.stream().anyMatch(Step::concurrent);
	}

	/** Every statement, in order, including the leading {@code SET} when needed. */
	public List<String> statements() {
		List<String> statements = new ArrayList<>();
		if (this.functionBodiesUnchecked && !this.steps.isEmpty()) {
			statements.add("SET check_function_bodies = off");
		}
		this.steps.forEach((step) -> statements.addAll(step.statements()));
		return statements;
	}

	/**
	 * The plan as a migration script: a {@code -- confiture:no-transaction} first line
	 * when a step must run outside a transaction, the header, then each step with a
	 * comment that names it and its hazards.
	 * @param header comment lines to put first (without {@code --}), may be empty
	 * @return the script
	 */
	public String script(List<String> header) {
		StringBuilder sql = new StringBuilder();
		if (concurrent()) {
			sql.append("-- confiture:no-transaction\n");
		}
		header.forEach((line) -> sql.append("-- ").append(line).append('\n'));
		this.notes.forEach((note) -> sql.append("-- NOTE: ").append(note).append('\n'));
		if (this.steps.isEmpty()) {
			sql.append("-- No changes.\n");
			return sql.toString();
		}
		if (this.functionBodiesUnchecked) {
			sql.append("\nSET check_function_bodies = off;\n");
		}
		for (Step step : this.steps) {
			sql.append("\n-- ").append(step.description()).append('\n');
			step.hazards().forEach((hazard) -> sql.append("-- HAZARD ").append(hazard).append('\n'));
			step.statements().forEach((statement) -> sql.append(statement).append(";\n"));
		}
		return sql.toString();
	}

}
