package dev.confiture.core.coordinate;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens connections to the coordination database, e.g. {@code dataSource::getConnection}.
 */
@FunctionalInterface
public interface ConnectionFactory {

	/**
	 * Opens a new connection; the caller closes it.
	 * @return an open connection
	 * @throws SQLException if the database cannot be reached
	 */
	Connection connect() throws SQLException;

}
