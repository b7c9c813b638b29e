package dev.confiture.maven;

import java.nio.file.Path;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;

/**
 * The parameters that choose the environment and the database, read exactly as the command
 * line reads {@code --project-dir}, {@code --env}, {@code --config} and {@code --database-url}.
 *
 * @param projectDirectory the project directory, which holds {@code db/}
 * @param environment the environment name, or {@code null} for {@code local}
 * @param configFile a configuration file (relative to the project directory), or {@code null}
 * @param databaseUrl a database overriding the environment's, or {@code null}
 * @param credentials user and password overriding the URL's or the environment's
 */
record ConnectionParameters(Path projectDirectory, String environment, Path configFile, String databaseUrl,
		Credentials credentials) {

	/**
	 * A configuration of the Java API from these parameters.
	 * @return the configuration, not yet loaded
	 */
	Confiture.Configuration configure() {
		Confiture.Configuration configuration = Confiture.configure()
			.projectDirectory(this.projectDirectory)
			.environment(blankToNull(this.environment));
		if (this.configFile != null) {
			configuration.configFile(this.projectDirectory.resolve(this.configFile));
		}
		String url = blankToNull(this.databaseUrl);
		if (url != null) {
			return configuration
				.database(ConnectionSettings.parse(url, this.credentials.user(), this.credentials.password()));
		}
		if (this.credentials.isPresent()) {
			ConnectionSettings database = configuration.load().environment().database();
			if (database == null) {
				throw new ConfitureException(Category.CONFIG,
						"A database user or password is configured, but no database URL and the environment has none",
						"Set databaseUrl (-Dconfiture.databaseUrl=postgresql://host:5432/db) or add database_url to the environment");
			}
			configuration.database(new ConnectionSettings(database.jdbcUrl(),
					(this.credentials.user() != null) ? this.credentials.user() : database.user(),
					(this.credentials.password() != null) ? this.credentials.password() : database.password()));
		}
		return configuration;
	}

	private static String blankToNull(String value) {
		return (value != null && !value.isBlank()) ? value : null;
	}

}
