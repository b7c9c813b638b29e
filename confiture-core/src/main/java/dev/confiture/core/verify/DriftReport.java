package dev.confiture.core.verify;

import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.diff.Plan;

/**
 * The result of {@link SchemaVerifier#verify}: how a live database differs from a fresh
 * build of the schema files.
 *
 * @param plan the changes that would make the database match the schema files
 */
public record DriftReport(Plan plan) {

	/** Whether the database differs from the schema files. */
	public boolean drifted() {
		return !this.plan.isEmpty() || !this.plan.notes().isEmpty();
	}

	/** Every difference, one sentence each: what the database would need to match. */
	public List<String> differences() {
		List<String> differences = new ArrayList<>();
		this.plan.steps().forEach((step) -> differences.add(step.description()));
		differences.addAll(this.plan.notes());
		return differences;
	}

	/**
	 * The report as the plain text every adapter shows.
	 * @param environment the environment's name
	 * @param database the database, without secrets
	 * @return the lines, without line separators
	 */
	public List<String> lines(String environment, String database) {
		return DriftRenderer.render(this, environment, database);
	}

}
