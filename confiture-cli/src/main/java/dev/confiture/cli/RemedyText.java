package dev.confiture.cli;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Setting;

/**
 * Words a failure's remedy for the command line, with its commands and flags.
 */
final class RemedyText {

	private RemedyText() {
	}

	/**
	 * What to do about a failure, in command-line words, or {@code null}.
	 * @param failure the failure
	 * @return the hint
	 */
	static String of(ConfitureException failure) {
		return (failure.remedy() != null) ? of(failure.remedy()) : failure.hint();
	}

	/**
	 * A remedy in command-line words.
	 * @param remedy the remedy
	 * @return the hint
	 */
	static String of(Remedy remedy) {
		String text = switch (remedy.kind()) {
			case RERUN -> remedy.get("before") + "run confiture migrate " + remedy.get("operation") + " again"
					+ remedy.get("after");
			case RECORD_APPLIED -> "Record it with confiture migrate baseline " + remedy.get("version")
					+ " once the database is reachable";
			case NON_EMPTY_DATABASE -> "Build into an empty database, add --drop-existing to drop its schemas first, "
					+ "or --if-empty to skip the build when the database already has objects";
			case LOCK_HELD -> "Another confiture run is migrating this database. Wait for it to finish, raise "
					+ "--lock-wait, or if it is stuck end it with SELECT pg_terminate_backend(<pid>); its lock is then "
					+ "freed.";
			case CHECKSUM_MISMATCH -> "Do not edit applied migrations: restore the file as it was applied (e.g. with "
					+ "git) and put the change in a new migration (confiture migrate generate NAME). To go on anyway, "
					+ "use --on-checksum-mismatch=warn or ignore.";
			case CHECK_CONNECTION ->
				"Check the database settings (--env, --config or --database-url) and that PostgreSQL is running";
			case CONFIGURE_DATABASE ->
				"Pass --database-url, or add database_url or a database: block to the environment";
			case CONFIGURE_ENVIRONMENT_DATABASE -> "Add 'database_url: postgresql://user:password@host:5432/db' or a "
					+ "'database:' block to it, or pass --database-url";
			case INITIALIZE_FIRST -> "Run confiture migrate up (or confiture build) first";
			case APPLY_PENDING -> "Run confiture migrate up first";
			case WRITE_DOWN_OR_FIX_FORWARD -> "Write the missing down (a .down.sql file or a Java down method), or fix "
					+ "forward with a new migration (confiture migrate generate NAME)";
			case PASS -> remedy.get("before") + flag(remedy.setting())
					+ (remedy.get("value").isEmpty() ? "" : " " + remedy.get("value")) + remedy.get("after");
			case CREATE_PROJECT -> "Check the path, or run 'confiture init' to create a project";
			case CREATE_ENVIRONMENT ->
				"Run 'confiture init' to create db/environments/local.yaml, or pass --config FILE";
			case APPLY_UP_TO -> "Use confiture migrate up --target " + remedy.get("version") + " to apply up to it";
			case PICK_APPLIED_VERSION ->
				"Pass an applied version (see confiture migrate status), or 0 to roll back everything";
			case MIRROR_MIGRATIONS_IN_SCHEMA ->
				"Add " + ("1".equals(remedy.get("count")) ? "this change" : "these changes")
						+ " to the schema files (db/schema) so that a fresh build contains every migration, then build "
						+ "again. Nothing was changed: the build ran in one transaction and was rolled back. "
						+ "--no-baseline-proof builds anyway, and databases built that way lack these changes.";
			case REVIEW_HAZARDS -> "Review them, then run again with --allow-hazards (or use --online for safer forms)";
			case WRITE_MIGRATION -> "Write the migration with 'confiture migrate generate NAME' (or generate it with "
					+ "'confiture migrate diff OLD NEW --generate --name NAME') and add it to the commit";
			case MATCH_MIGRATIONS ->
				"Add what is missing to a migration ('confiture migrate generate NAME'), or change "
						+ remedy.get("schema") + " to match the migrations";
			case OPEN_GIT_WORK_TREE -> "Run confiture migrate validate inside the git work tree of the project (or "
					+ "'git init' it), or pass --project-dir";
			case KNOWN_BASE_REF ->
				remedy.get("fetch") + ", or pass --base-ref with a ref that exists ('git branch -a' lists them)";
			case COMMIT_FIRST ->
				"Commit first, or check staged changes against nothing with --staged (without --base-ref)";
			case DESCRIBE_INTENT -> "Pass --tables-affected, --schema-changes or both";
			case LIST_INTENTS -> "List the intents with: confiture coordinate list";
			case INITIALIZE_COORDINATION -> "Run: confiture coordinate init (registering an intent also creates them)";
		};
		return capitalize(text);
	}

	/**
	 * The flag that gives a setting.
	 * @param setting the setting
	 * @return the flag
	 */
	static String flag(Setting setting) {
		return switch (setting) {
			case ENVIRONMENT -> "--env";
			case CONFIG_FILE -> "--config";
			case BASE_REF -> "--base-ref";
			case AGENT_ID -> "--agent-id";
			case ESTIMATED_HOURS -> "--estimated-hours";
			case FEATURE_NAME -> "--feature-name";
		};
	}

	private static String capitalize(String text) {
		return (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) ? text
				: Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
