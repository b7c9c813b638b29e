package dev.confiture.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.config.ConnectionSettings;

/**
 * Explains a startup stopped by Confiture: what failed and where ({@code file:line} and
 * SQLSTATE for SQL), and what to do, worded with {@code confiture.*} properties (see
 * {@link RemedyText}). Never shows a password.
 */
class ConfitureFailureAnalyzer extends AbstractFailureAnalyzer<ConfitureException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfitureException cause) {
		String description = "Confiture could not initialize the database: "
				+ ConnectionSettings.sanitize(cause.getMessage());
		StringBuilder action = new StringBuilder();
		String remedy = RemedyText.of(cause);
		if (remedy != null && !cause.getMessage().contains(remedy)) {
			action.append(ConnectionSettings.sanitize(remedy));
		}
		String advice = (cause.remedy() != null && cause.category() != ConfitureException.Category.DATABASE) ? null
				: switch (cause.category()) {
					case LOCK ->
						"Another instance is migrating the same database. Wait for it, or raise confiture.lock-wait.";
					case SCHEMA ->
						"Fix the schema files, or use confiture.mode=migrate for a database that already has a schema.";
					case DATABASE -> "Nothing was half-applied: each migration and its tracking row commit together.";
					case NOT_INITIALIZED ->
						"Start once with confiture.mode=auto or migrate to initialize the database.";
					case IRREVERSIBLE -> "Add the missing .down.sql, or roll forward with a new migration.";
					case CONFIG -> "Check the confiture.* and spring.datasource.* properties.";
					default -> null;
				};
		if (advice != null && !action.toString().contains(advice)) {
			action.append((action.length() > 0) ? System.lineSeparator() : "").append(advice);
		}
		if (action.length() == 0) {
			action.append("See the message above; set confiture.mode=none to start without touching the database.");
		}
		return new FailureAnalysis(description, action.toString(), cause);
	}

}
