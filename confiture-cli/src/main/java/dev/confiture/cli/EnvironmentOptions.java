package dev.confiture.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.ConnectionSettings;

/**
 * Options that choose the environment and the database: {@code --env}, {@code --config},
 * {@code --database-url} and {@code --project-dir}.
 */
public class EnvironmentOptions {

	@Option(names = { "--env", "-e" }, paramLabel = "NAME",
			description = "Environment: db/environments/NAME.yaml or an entry of confiture.yaml (default: local).")
	String environment;

	@Option(names = { "--config", "-c" }, paramLabel = "FILE",
			description = "Configuration file to use instead of looking up --env in the project.")
	Path config;

	@Option(names = { "--database-url", "-d" }, paramLabel = "URL",
			description = "Database to use instead of the environment's (postgresql://user:password@host:5432/db).")
	String databaseUrl;

	@Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
			description = "Project directory, the one that holds db/ (default: the current directory).")
	Path projectDirectory = Path.of(".");

	/**
	 * A configuration of the Java API from these options.
	 * @return the configuration, not yet loaded
	 */
	public Confiture.Configuration configure() {
		Confiture.Configuration configuration = Confiture.configure()
			.projectDirectory(this.projectDirectory)
			.environment(this.environment);
		if (this.config != null) {
			configuration.configFile(this.projectDirectory.resolve(this.config));
		}
		if (this.databaseUrl != null) {
			configuration.database(ConnectionSettings.parse(this.databaseUrl, null, null));
		}
		return configuration;
	}

	/** The project directory. */
	public Path projectDirectory() {
		return this.projectDirectory;
	}

}
