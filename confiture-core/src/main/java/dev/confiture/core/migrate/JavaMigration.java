package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A migration written in Java. Implementations are found in a configured package on the
 * classpath (they need a public no-argument constructor) or are given as instances, and
 * are ordered with the SQL migrations by {@link #version()}.
 * <p>
 * A migration that does not override {@link #down(Context)} is irreversible: rolling it
 * back is refused before anything changes. By default a migration runs in the same
 * transaction as its tracking row; it must not commit or roll back on its own.
 */
public interface JavaMigration {

	/** The version: digits only, such as {@code 003} or {@code 20250112093000}. */
	String version();

	/** A short name such as {@code add_user_bio}. */
	String name();

	/**
	 * Applies the migration.
	 * @param context the connection to use
	 * @throws Exception on failure; the migration is then rolled back
	 */
	void up(Context context) throws Exception;

	/**
	 * Reverts the migration. The default refuses: override it to make the migration
	 * reversible.
	 * @param context the connection to use
	 * @throws Exception on failure; the rollback is then rolled back
	 */
	default void down(Context context) throws Exception {
		throw new UnsupportedOperationException("Migration " + version() + "_" + name() + " has no down");
	}

	/**
	 * Whether {@link #down(Context)} can revert this migration. The default answers
	 * whether the implementation overrides {@code down}.
	 * @return {@code true} if the migration can be rolled back
	 */
	default boolean reversible() {
		try {
			return getClass().getMethod("down", Context.class).getDeclaringClass() != JavaMigration.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	/**
	 * Whether the migration runs in a transaction together with its tracking row. Return
	 * {@code false} for statements PostgreSQL refuses inside a transaction block, such as
	 * {@code CREATE INDEX CONCURRENTLY}; the connection is then in auto-commit mode.
	 * @return {@code true} by default
	 */
	default boolean transactional() {
		return true;
	}

	/**
	 * What a Java migration may use while it runs.
	 */
	interface Context {

		/**
		 * The connection the migration runs on. Do not close it, commit, roll back or
		 * change its auto-commit mode.
		 * @return the connection
		 */
		Connection connection();

		/**
		 * Executes one SQL statement.
		 * @param sql the statement
		 * @throws SQLException if PostgreSQL rejects it
		 */
		void execute(String sql) throws SQLException;

	}

}
