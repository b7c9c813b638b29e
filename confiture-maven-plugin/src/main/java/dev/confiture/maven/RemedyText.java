package dev.confiture.maven;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Setting;

/**
 * Words a failure's remedy for Maven users: the plugin's goals
 * ({@code ./mvnw confiture:migrate}) and parameters ({@code lockWait},
 * {@code -Dconfiture.lockWait=...}) instead of the command line's commands and flags.
 */
final class RemedyText {

	private RemedyText() {
	}

	/**
	 * What to do about a failure, in Maven words, or {@code null}.
	 * @param failure the failure
	 * @return the hint
	 */
	static String of(ConfitureException failure) {
		return (failure.remedy() != null) ? of(failure.remedy()) : failure.hint();
	}

	/**
	 * A remedy in Maven words.
	 * @param remedy the remedy
	 * @return the hint
	 */
	static String of(Remedy remedy) {
		String text = switch (remedy.kind()) {
			case RERUN -> remedy.get("before") + "run ./mvnw confiture:" + goal(remedy.get("operation")) + " again"
					+ remedy.get("after");
			case RECORD_APPLIED -> "Record it with ./mvnw confiture:baseline -Dconfiture.version="
					+ remedy.get("version") + " once the database is reachable";
			case NON_EMPTY_DATABASE -> "Build into an empty database, set dropExisting to drop its schemas first, "
					+ "or ifEmpty to skip the build when the database already has objects";
			case LOCK_HELD -> "Another confiture run is migrating this database. Wait for it to finish, raise "
					+ "lockWait, or if it is stuck end it with SELECT pg_terminate_backend(<pid>); its lock is then "
					+ "freed.";
			case CHECKSUM_MISMATCH -> "Do not edit applied migrations: restore the file as it was applied (e.g. with "
					+ "git) and put the change in a new migration (./mvnw confiture:generate -Dconfiture.name=NAME). To "
					+ "go on anyway, set onChecksumMismatch to warn or ignore.";
			case CHECK_CONNECTION ->
				"Check the database settings (env, configFile or databaseUrl) and that PostgreSQL is running";
			case CONFIGURE_DATABASE -> "Set databaseUrl, or add database_url or a database: block to the environment";
			case CONFIGURE_ENVIRONMENT_DATABASE -> "Add 'database_url: postgresql://user:password@host:5432/db' or a "
					+ "'database:' block to it, or set databaseUrl";
			case INITIALIZE_FIRST -> "Run ./mvnw confiture:migrate (or ./mvnw confiture:build) first";
			case APPLY_PENDING -> "Run ./mvnw confiture:migrate first";
			case WRITE_DOWN_OR_FIX_FORWARD -> "Write the missing down (a .down.sql file or a Java down method), or fix "
					+ "forward with a new migration (./mvnw confiture:generate -Dconfiture.name=NAME)";
			case PASS -> remedy.get("before") + parameter(remedy.setting())
					+ (remedy.get("value").isEmpty() ? "" : "=" + remedy.get("value")) + remedy.get("after");
			case CREATE_PROJECT -> "Check the path, or run ./mvnw confiture:init to create a project";
			case CREATE_ENVIRONMENT ->
				"Run ./mvnw confiture:init to create db/environments/local.yaml, or set configFile";
			case APPLY_UP_TO ->
				"Use ./mvnw confiture:migrate -Dconfiture.target=" + remedy.get("version") + " to apply up to it";
			case PICK_APPLIED_VERSION ->
				"Set toVersion to an applied version (see ./mvnw confiture:status), or 0 to roll back everything";
			case MIRROR_MIGRATIONS_IN_SCHEMA -> "Add "
					+ ("1".equals(remedy.get("count")) ? "this change" : "these changes")
					+ " to the schema files (db/schema) so that a fresh build contains every migration, then build "
					+ "again. Nothing was changed: the build ran in one transaction and was rolled back. Turning the "
					+ "baseline proof off builds anyway, and databases built that way lack these changes.";
			case REVIEW_HAZARDS -> "Review them, then run again with allowHazards (or set online for safer forms)";
			case WRITE_MIGRATION -> "Write the migration with ./mvnw confiture:generate -Dconfiture.name=NAME (or "
					+ "generate it with ./mvnw confiture:diff -Dconfiture.generate -Dconfiture.name=NAME) and add it to "
					+ "the commit";
			case MATCH_MIGRATIONS -> "Add what is missing to a migration (./mvnw confiture:generate "
					+ "-Dconfiture.name=NAME), or change " + remedy.get("schema") + " to match the migrations";
			case OPEN_GIT_WORK_TREE -> "Run ./mvnw confiture:validate inside the git work tree of the project (or "
					+ "'git init' it), or set projectDirectory";
			case KNOWN_BASE_REF ->
				remedy.get("fetch") + ", or set baseRef to a ref that exists ('git branch -a' lists them)";
			case COMMIT_FIRST -> "Commit first, or check staged changes against nothing with staged (without baseRef)";
			case DESCRIBE_INTENT -> "Give the tables affected, the schema changes or both";
			case LIST_INTENTS -> "List the intents with: ./mvnw confiture:coordinate-list";
			case INITIALIZE_COORDINATION -> "Create the coordination tables once with the command line's "
					+ "'confiture coordinate init' (registering an intent also creates them); the plugin only reads them";
		};
		return capitalize(text);
	}

	/**
	 * The goal parameter that gives a setting; the coordination settings have no goal and
	 * keep the command line's flags.
	 * @param setting the setting
	 * @return the parameter
	 */
	static String parameter(Setting setting) {
		return switch (setting) {
			case ENVIRONMENT -> "env";
			case CONFIG_FILE -> "configFile";
			case BASE_REF -> "baseRef";
			case AGENT_ID -> "--agent-id";
			case ESTIMATED_HOURS -> "--estimated-hours";
			case FEATURE_NAME -> "--feature-name";
		};
	}

	private static String goal(String operation) {
		return "up".equals(operation) ? "migrate" : operation;
	}

	private static String capitalize(String text) {
		return (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) ? text
				: Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
