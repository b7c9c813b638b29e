package dev.confiture.core.config;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens connections to the database Confiture works on: from {@link ConnectionSettings},
 * or from a {@code javax.sql.DataSource} such as a Spring application's.
 */
@FunctionalInterface
public interface ConnectionSource {

	/**
	 * Opens a new connection in auto-commit mode; the caller closes it.
	 * @return the connection
	 * @throws SQLException if the database cannot be reached
	 */
	Connection open() throws SQLException;

	/**
	 * A connection source for a data source.
	 * @param dataSource the data source
	 * @return a connection source
	 */
	static ConnectionSource of(javax.sql.DataSource dataSource) {
		return dataSource::getConnection;
	}

}
