package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;

/**
 * {@code confiture.connect-retries}: waits for a database that is not accepting
 * connections yet (a container starting next to the application), as Flyway's
 * {@code connectRetries} does: one log line per failed attempt, waits that double from
 * one second up to {@code confiture.connect-retries-interval}, then a failure that names
 * the database without its password.
 */
final class ConfitureConnectRetries {

	private static final Log logger = LogFactory.getLog(ConfitureConnectRetries.class);

	private final int retries;

	private final Duration interval;

	private final String target;

	/**
	 * Creates the retry policy.
	 * @param retries how many times to retry after the first attempt
	 * @param interval the longest wait between two attempts
	 * @param target the database for messages (a URL or a description)
	 */
	ConfitureConnectRetries(int retries, Duration interval, String target) {
		this.retries = Math.max(0, retries);
		this.interval = (interval != null && !interval.isNegative() && !interval.isZero()) ? interval
				: Duration.ofSeconds(120);
		this.target = ConnectionSettings.sanitize(target);
	}

	/**
	 * Opens and closes one connection, retrying as configured.
	 * @param source the connections
	 * @throws ConfitureException naming the database when every attempt failed
	 */
	void await(ConnectionSource source) {
		long wait = Math.min(1000, this.interval.toMillis());
		for (int attempt = 1;; attempt++) {
			try (Connection connection = source.open()) {
				return;
			}
			catch (SQLException ex) {
				if (attempt > this.retries) {
					throw new ConfitureException(Category.DATABASE,
							"Could not connect to " + this.target + " after " + attempt + " attempt(s): "
									+ ConnectionSettings.sanitize(ex.getMessage()),
							"Check that PostgreSQL is running and accepts connections at " + this.target
									+ ((this.retries == 0)
											? "; set confiture.connect-retries to wait for a database that "
													+ "starts next to the application"
											: "; raise confiture.connect-retries to wait longer"),
							ex);
				}
				logger.warn("Confiture: " + this.target + " is not accepting connections yet (attempt " + attempt
						+ " of " + (this.retries + 1) + ": " + ConnectionSettings.sanitize(ex.getMessage())
						+ "); retrying in " + wait + " ms");
				pause(wait);
				wait = Math.min(wait * 2, this.interval.toMillis());
			}
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConfitureException(Category.DATABASE, "Interrupted while waiting for the database", (String) null,
					ex);
		}
	}

}
