package dev.confiture.core.build;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Marks the migrations that exist at build time as applied, inside the build's transaction,
 * because the schema files already contain their effect.
 */
@FunctionalInterface
public interface BaselineRecorder {

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
