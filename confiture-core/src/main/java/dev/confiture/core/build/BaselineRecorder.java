package dev.confiture.core.build;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Marks the migrations that exist at build time as applied, inside the build's
 * transaction, because the schema files already contain their effect; and takes the
 * migration lock at the start of that transaction.
 */
@FunctionalInterface
public interface BaselineRecorder {

	/**
	 * Called first in the build's transaction, before the database is inspected: takes
	 * the migration lock so that no other build or migration runs at the same time.
	 * @param connection the build's connection, inside its transaction
	 * @throws SQLException on failure, which rolls the whole build back
	 */
	default void lock(Connection connection) throws SQLException {
	}

	/**
	 * Called in the build's transaction after the schema files ran, before the seeds:
	 * runs each migration that is about to be marked as applied on the built schema and
	 * rolls it back, to prove that the schema files already contain it.
	 * @param connection the build's connection, inside its transaction
	 * @return what was found
	 * @throws SQLException on failure, which rolls the whole build back
	 */
	default BaselineProof prove(Connection connection) throws SQLException {
		return BaselineProof.NOT_RUN;
	}

	/** Records nothing. */
	BaselineRecorder NONE = (connection) -> List.of();

	/**
	 * Records the baseline.
	 * @param connection the build's connection, inside its transaction
	 * @return the versions marked as applied
	 * @throws SQLException on failure, which rolls the whole build back
	 */
	List<String> record(Connection connection) throws SQLException;

}
