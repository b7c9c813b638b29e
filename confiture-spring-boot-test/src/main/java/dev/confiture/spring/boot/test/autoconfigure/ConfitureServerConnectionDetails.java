package dev.confiture.spring.boot.test.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for connecting to the PostgreSQL server on which test databases are created,
 * for example a {@code @ServiceConnection} Testcontainers {@code PostgreSQLContainer}.
 * Without such a bean, the server comes from {@code PostgresServers.shared()}.
 *
 * @since 0.1.0
 */
public interface ConfitureServerConnectionDetails extends ConnectionDetails {

	/**
	 * JDBC URL of a database on the server that the user may run {@code CREATE DATABASE}
	 * from.
	 * @return the JDBC URL
	 */
	String getJdbcUrl();

	/**
	 * Login user, allowed to create databases.
	 * @return the user
	 */
	String getUsername();

	/**
	 * Login password.
	 * @return the password, or {@code null}
	 */
	String getPassword();

}
