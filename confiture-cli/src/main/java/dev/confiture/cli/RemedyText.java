package dev.confiture.cli;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;

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
		return switch (remedy.kind()) {
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
			case CONFIGURE_DATABASE -> "Pass --database-url, or add database_url or a database: block to the environment";
			case CONFIGURE_ENVIRONMENT_DATABASE -> "Add 'database_url: postgresql://user:password@host:5432/db' or a "
					+ "'database:' block to it, or pass --database-url";
			case INITIALIZE_FIRST -> "Run confiture migrate up (or confiture build) first";
			case WRITE_DOWN_OR_FIX_FORWARD -> "Write the missing down (a .down.sql file or a Java down method), or fix "
					+ "forward with a new migration (confiture migrate generate NAME)";
		};
	}

}
