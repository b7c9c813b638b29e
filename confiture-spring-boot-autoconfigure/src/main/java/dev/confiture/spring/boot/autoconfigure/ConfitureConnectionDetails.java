package dev.confiture.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for establishing the connection Confiture uses for DDL, when it is not the
 * application's {@code DataSource}. By default they come from {@code confiture.url},
 * {@code confiture.user} and {@code confiture.password}; define a bean of this type (a
 * service connection, a secret store) to supply them another way.
 *
 * @since 0.1.0
 */
public interface ConfitureConnectionDetails extends ConnectionDetails {

	/**
	 * JDBC URL of the database Confiture manages; {@code null} to use the application's
	 * {@code DataSource}.
	 * @return the JDBC URL, or {@code null}
	 */
	@Nullable String getJdbcUrl();

	/**
	 * Login user; with a {@code null} URL, the user that Confiture connects as through
	 * the application's {@code DataSource} settings, or {@code null} for the data
	 * source's own.
	 * @return the user, or {@code null}
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * Login password.
	 * @return the password, or {@code null}
	 */
	default @Nullable String getPassword() {
		return null;
	}

}
