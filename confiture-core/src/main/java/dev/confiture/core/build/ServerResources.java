package dev.confiture.core.build;

/**
 * Failures caused by a server limit rather than by the SQL that hit it, such as running
 * out of lock slots ({@code max_locks_per_transaction}) while one transaction creates
 * thousands of objects: the file named by the error is not at fault.
 */
final class ServerResources {

	private ServerResources() {
	}

	/**
	 * Whether the SQLSTATE is of class 53 (insufficient resources) or 54 (program limit).
	 */
	static boolean exhausted(String sqlState) {
		return sqlState != null && (sqlState.startsWith("53") || sqlState.startsWith("54"));
	}

	static String explain(String sqlState, String file, int fileCount) {
		String common = "Nothing was changed: the build ran in one transaction and was rolled back.";
		if ("53200".equals(sqlState)) {
			return "The server ran out of lock slots, not a fault of " + file + ": a build holds a lock on every "
					+ "object it creates until it commits (" + fileCount + " files here), and the server allows about "
					+ "max_locks_per_transaction x (max_connections + max_prepared_transactions) of them. Raise "
					+ "max_locks_per_transaction in postgresql.conf (e.g. to 1024; it needs a restart), then build again. "
					+ common;
		}
		return "The server hit a resource limit (SQLSTATE " + sqlState + ") while running " + file
				+ "; the statement itself may be correct. Check the server's limits and resources, then build again. "
				+ common;
	}

}
