package dev.confiture.spring.boot.autoconfigure;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;

/**
 * Words a failure's remedy for a Spring Boot application, with {@code confiture.*} properties
 * and a restart instead of command-line flags and commands.
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
		return switch (remedy.kind()) {
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
			case INITIALIZE_FIRST -> "Start once with confiture.mode=auto or confiture.mode=migrate to initialize "
					+ "the database";
			case WRITE_DOWN_OR_FIX_FORWARD -> "Write the missing down (a .down.sql file or a Java down method), or fix "
					+ "forward with a new migration";
		};
	}

}
