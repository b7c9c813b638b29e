package dev.confiture.maven;

import java.nio.file.Path;
import java.time.Duration;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;

/**
 * The parameters that choose the environment and the database, read exactly as the
 * command line reads {@code --project-dir}, {@code --env}, {@code --config} and
 * {@code --database-url}.
 *
 * @param projectDirectory the project directory, which holds {@code db/}
 * @param environment the environment name, or {@code null} for {@code local}
 * @param configFile a configuration file (relative to the project directory), or
 * {@code null}
 * @param databaseUrl a database overriding the environment's, or {@code null}
 * @param credentials user and password overriding the URL's or the environment's
 * @param timeouts connect, login and socket timeouts overriding the URL's or the
 * environment's
 */
record ConnectionParameters(Path projectDirectory, String environment, Path configFile, String databaseUrl,
		Credentials credentials, Timeouts timeouts) {

	ConnectionParameters(Path projectDirectory, String environment, Path configFile, String databaseUrl,
			Credentials credentials) {
		this(projectDirectory, environment, configFile, databaseUrl, credentials, Timeouts.NONE);
	}

	/**
	 * A configuration of the Java API from these parameters.
	 * @return the configuration, not yet loaded
	 */
	Confiture.Configuration configure() {
		Confiture.Configuration configuration = Confiture.configure()
			.projectDirectory(this.projectDirectory)
			.environment(Parameters.valueOf(this.environment));
		if (this.configFile != null) {
			configuration.configFile(this.projectDirectory.resolve(this.configFile));
		}
		String url = Parameters.valueOf(this.databaseUrl);
		if (url != null) {
			return configuration.database(
					timeouts(ConnectionSettings.parse(url, this.credentials.user(), this.credentials.password())));
		}
		if (this.credentials.isPresent() || hasTimeouts()) {
			ConnectionSettings database = configuration.load().environment().database();
			if (database == null && !this.credentials.isPresent()) {
				return configuration;
			}
			if (database == null) {
				throw new ConfitureException(Category.CONFIG,
						"A database user or password is configured, but no database URL and the environment has none",
						"Set databaseUrl (-Dconfiture.databaseUrl=postgresql://host:5432/db) or add database_url to the environment");
			}
			configuration.database(timeouts(new ConnectionSettings(database.jdbcUrl(),
					(this.credentials.user() != null) ? this.credentials.user() : database.user(),
					(this.credentials.password() != null) ? this.credentials.password() : database.password(),
					database.timeouts())));
		}
		return configuration;
	}

	private boolean hasTimeouts() {
		return this.timeouts.connect() != null || this.timeouts.login() != null || this.timeouts.socket() != null;
	}

	private ConnectionSettings timeouts(ConnectionSettings database) {
		return hasTimeouts() ? database.withTimeouts(
				database.timeouts().with(this.timeouts.connect(), this.timeouts.login(), this.timeouts.socket()))
				: database;
	}

	/**
	 * Timeouts that replace the URL's or the environment's.
	 *
	 * @param connect the connect timeout, or {@code null} to keep it
	 * @param login the login timeout, or {@code null} to keep it
	 * @param socket the socket timeout, or {@code null} to keep it
	 */
	record Timeouts(Duration connect, Duration login, Duration socket) {

		static final Timeouts NONE = new Timeouts(null, null, null);

	}

}
