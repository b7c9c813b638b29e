package dev.confiture.core.adopt;

import java.util.List;

import dev.confiture.core.api.ConfitureException;

/**
 * Thrown when a startup would apply every migration from the first one to a database that
 * already has a schema but no tracking table: the database must be adopted first.
 */
public class AdoptionRequiredException extends ConfitureException {

	private final transient AdoptionState state;

	/**
	 * Creates the exception.
	 * @param state what the database holds
	 * @param trackingTable the configured tracking table
	 */
	public AdoptionRequiredException(AdoptionState state, String trackingTable) {
		super(Category.GENERIC, message(state, trackingTable),
				"Adopt the database once: write the schema files from it and record a baseline"
						+ ((state.flywayHistory() != null) ? ", import Flyway's history" : "")
						+ ", or baseline the migrations it already contains");
		this.state = state;
	}

	/** What the database holds. */
	public AdoptionState state() {
		return this.state;
	}

	private static String message(AdoptionState state, String trackingTable) {
		List<String> objects = state.userObjects();
		String shown = String.join(", ", objects.subList(0, Math.min(5, objects.size())))
				+ ((objects.size() > 5) ? " and " + (objects.size() - 5) + " more" : "");
		StringBuilder message = new StringBuilder("The database already has a schema (").append(shown)
			.append(") but no tracking table ")
			.append(trackingTable)
			.append(": applying every migration from the first one would fail or do harm, so nothing was run.");
		if (state.flywayHistory() != null) {
			message.append(" It has Flyway's history (").append(state.flywayHistory()).append(").");
		}
		if (state.liquibaseHistory() != null) {
			message.append(" It has Liquibase's history (").append(state.liquibaseHistory()).append(").");
		}
		return message.toString();
	}

}
