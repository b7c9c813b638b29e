package dev.confiture.spring.boot.autoconfigure;

import dev.confiture.core.adopt.AdoptionRequiredException;
import dev.confiture.core.adopt.AdoptionState;
import dev.confiture.core.api.ConfitureException;

/**
 * Words, for a Spring application, the stop of {@code confiture.mode=auto} on a database
 * that already has a schema but no tracking table: which commands adopt it, and
 * {@code confiture.baseline-on-first-start}.
 */
final class ConfitureFirstStart {

	private ConfitureFirstStart() {
	}

	/**
	 * The failure to report.
	 * @param ex the core's failure
	 * @param environment the environment's name, for the commands
	 * @return the reworded failure
	 */
	static ConfitureException failure(AdoptionRequiredException ex, String environment) {
		AdoptionState state = ex.state();
		String message = "confiture.mode=auto found a database that already has a schema"
				+ ex.getMessage().substring("The database already has a schema".length());
		if (state.flywayHistory() != null) {
			message += " Bring Flyway's history over with 'confiture migrate import-flyway --env " + environment + "'.";
		}
		String hint = "Adopt the database once: 'confiture init --from-database --env " + environment
				+ " --baseline' writes db/schema from it and marks every migration as applied"
				+ ((state.flywayHistory() != null)
						? ", 'confiture migrate import-flyway --env " + environment + "' carries Flyway's history over"
						: "")
				+ ", or 'confiture migrate baseline VERSION' marks the migrations it already contains. "
				+ "Or set confiture.baseline-on-first-start=true to mark every migration as applied on this start "
				+ "and migrate normally afterwards.";
		return new ConfitureException(ex.category(), message, hint, ex);
	}

}
