package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties.OnUnsupportedDatabase;

/**
 * Decides what happens when the database to manage is not PostgreSQL, such as the H2
 * database of an application's test profile: Confiture backs off with one warning, or
 * stops the startup when asked to (or when {@code confiture.url} or
 * {@code confiture.mode} were set explicitly, which says that Confiture is expected to
 * run).
 */
final class ConfitureDatabaseSupport {

	private static final Log logger = LogFactory.getLog(ConfitureDatabaseSupport.class);

	private final Confiture confiture;

	private final OnUnsupportedDatabase policy;

	private final String explicitSetting;

	/**
	 * Creates the check.
	 * @param confiture the Confiture instance
	 * @param policy what to do, or {@code null} to decide from {@code explicitSetting}
	 * @param explicitSetting the Confiture property that was set explicitly
	 * ({@code confiture.url} or {@code confiture.mode}), or {@code null}
	 */
	ConfitureDatabaseSupport(Confiture confiture, OnUnsupportedDatabase policy, String explicitSetting) {
		this.confiture = confiture;
		this.policy = policy;
		this.explicitSetting = explicitSetting;
	}

	/**
	 * Checks the database once: PostgreSQL, another database Confiture backs off from, or
	 * not reachable (the run then reports the connection failure).
	 * @return the verdict
	 * @throws ConfitureException when the database is not PostgreSQL and the policy is to
	 * fail
	 */
	Verdict check() {
		String product;
		String url;
		try (Connection connection = this.confiture.connectionSource().open()) {
			DatabaseMetaData metaData = connection.getMetaData();
			product = metaData.getDatabaseProductName();
			url = ConnectionSettings.sanitize(metaData.getURL());
		}
		catch (SQLException ex) {
			return Verdict.UNKNOWN;
		}
		if ("PostgreSQL".equalsIgnoreCase(product)) {
			return Verdict.POSTGRESQL;
		}
		OnUnsupportedDatabase effective = (this.policy != null) ? this.policy
				: (this.explicitSetting != null) ? OnUnsupportedDatabase.FAIL : OnUnsupportedDatabase.SKIP;
		if (effective == OnUnsupportedDatabase.FAIL) {
			String why = (this.policy == null)
					? " (" + this.explicitSetting + " is set, so Confiture is expected to run)"
					: " (confiture.on-unsupported-database=fail)";
			throw new ConfitureException(Category.CONFIG,
					"Confiture manages PostgreSQL databases, but the database is " + product + " (" + url + ")" + why,
					"Point spring.datasource.url (or confiture.url) at PostgreSQL with the org.postgresql:postgresql "
							+ "driver, set confiture.on-unsupported-database=skip to start without Confiture on "
							+ "other databases, or set confiture.enabled=false");
		}
		logger.warn("Confiture: skipped, the database is " + product + " (" + url + "), not PostgreSQL; "
				+ "set confiture.on-unsupported-database=fail to stop the startup instead");
		return Verdict.SKIP;
	}

	/**
	 * What {@link #check()} found.
	 */
	enum Verdict {

		/** The database is PostgreSQL. */
		POSTGRESQL,

		/** Another database: Confiture backs off. */
		SKIP,

		/** Not known: the database could not be reached. */
		UNKNOWN

	}

}
