package dev.confiture.spring.boot.autoconfigure;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Setting;

/**
 * Words a failure's remedy for a Spring Boot application, with {@code confiture.*}
 * properties and a restart instead of command-line flags and commands.
 */
final class RemedyText {

	private RemedyText() {
	}

	/**
	 * What to do about a failure, in Spring words, or {@code null}.
	 * @param failure the failure
	 * @return the advice
	 */
	static String of(ConfitureException failure) {
		return (failure.remedy() != null) ? of(failure.remedy()) : failure.hint();
	}

	/**
	 * A remedy in Spring words.
	 * @param remedy the remedy
	 * @return the advice
	 */
	static String of(Remedy remedy) {
		String text = switch (remedy.kind()) {
			case RERUN -> remedy.get("before") + "restart the application" + remedy.get("after");
			case RECORD_APPLIED -> "Once the database is reachable, record version " + remedy.get("version")
					+ " as applied (a baseline) before restarting the application";
			case NON_EMPTY_DATABASE -> "Point spring.datasource.url (or confiture.url) at an empty database, or set "
					+ "confiture.mode=migrate (or auto) for a database that already has a schema";
			case LOCK_HELD -> "Another instance is migrating this database. Wait for it to finish, raise "
					+ "confiture.lock-wait, or if it is stuck end it with SELECT pg_terminate_backend(<pid>); its "
					+ "lock is then freed.";
			case CHECKSUM_MISMATCH -> "Do not edit applied migrations: restore the file as it was applied (e.g. with "
					+ "git) and put the change in a new migration. To start anyway, set "
					+ "confiture.on-checksum-mismatch=warn or ignore.";
			case CHECK_CONNECTION ->
				"Check spring.datasource.url, username and password (or confiture.url) and that PostgreSQL is running";
			case CONFIGURE_DATABASE, CONFIGURE_ENVIRONMENT_DATABASE ->
				"Set spring.datasource.url (or confiture.url) to the database to initialize";
			case INITIALIZE_FIRST ->
				"Start once with confiture.mode=auto or confiture.mode=migrate to initialize " + "the database";
			case APPLY_PENDING -> "Start once with confiture.mode=migrate (or auto) to apply them, then validate";
			case WRITE_DOWN_OR_FIX_FORWARD -> "Write the missing down (a .down.sql file or a Java down method), or fix "
					+ "forward with a new migration";
			case PASS -> remedy.get("before") + setting(remedy.setting())
					+ (remedy.get("value").isEmpty() ? "" : " (" + remedy.get("value") + ")") + remedy.get("after");
			case CREATE_PROJECT, CREATE_ENVIRONMENT -> "Check the path of the configuration file, or let the "
					+ "application read its SQL from confiture.schema-locations and confiture.migration-locations";
			case APPLY_UP_TO -> "Apply the migrations up to version " + remedy.get("version") + " first";
			case PICK_APPLIED_VERSION -> "Use a version the database has applied (the confiture actuator endpoint "
					+ "lists them), or 0 to roll back everything";
			case MIRROR_MIGRATIONS_IN_SCHEMA -> "Add "
					+ ("1".equals(remedy.get("count")) ? "this change" : "these changes")
					+ " to the schema files (confiture.schema-locations) so that a fresh build contains every "
					+ "migration, then restart the application. Nothing was changed: the build ran in one transaction "
					+ "and was rolled back. confiture.prove-baseline=false builds anyway, and databases built that way "
					+ "lack these changes.";
			case REVIEW_HAZARDS ->
				"Review them, then allow the hazards (or use the online forms) when generating the " + "migration";
			case WRITE_MIGRATION ->
				"Write the migration for the changed schema files (in confiture.migration-locations) "
						+ "and add it to the commit";
			case MATCH_MIGRATIONS ->
				"Add what is missing to a migration, or change " + remedy.get("schema") + " to match the migrations";
			case OPEN_GIT_WORK_TREE -> "Validate inside the git work tree of the project (or 'git init' it)";
			case KNOWN_BASE_REF ->
				remedy.get("fetch") + ", or compare with a ref that exists ('git branch -a' lists them)";
			case COMMIT_FIRST -> "Commit first, or check the staged changes alone";
			case DESCRIBE_INTENT -> "Name the tables the intent affects, its schema changes, or both";
			case LIST_INTENTS -> "List the intents of the coordination database to find its id";
			case INITIALIZE_COORDINATION -> "Create the coordination tables (registering an intent also creates them)";
		};
		return capitalize(text);
	}

	/**
	 * How a Spring application gives a setting; the settings of the command line's other
	 * commands have no property and are named in words.
	 * @param setting the setting
	 * @return its property, or a description
	 */
	static String setting(Setting setting) {
		return switch (setting) {
			case ENVIRONMENT -> "the environment name";
			case CONFIG_FILE -> "the configuration file";
			case BASE_REF -> "the git reference to compare with";
			case AGENT_ID -> "the agent id";
			case ESTIMATED_HOURS -> "the estimated hours";
			case FEATURE_NAME -> "the feature name";
		};
	}

	private static String capitalize(String text) {
		return (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) ? text
				: Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
