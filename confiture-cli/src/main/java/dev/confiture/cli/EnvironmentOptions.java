package dev.confiture.cli;

import java.nio.file.Path;
import java.time.Duration;

import picocli.CommandLine.Option;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionTimeouts;
import dev.confiture.core.config.Environment;
import dev.confiture.cli.MigrationOptions.NonNegativeDuration;
import dev.confiture.cli.MigrationOptions.PositiveDuration;

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

	@Option(names = "--connect-timeout", paramLabel = "DURATION", converter = PositiveDuration.class,
			description = "Longest wait for the TCP connection: 500ms, 10s, 2m (default: 10s, or the environment's).")
	Duration connectTimeout;

	@Option(names = "--login-timeout", paramLabel = "DURATION", converter = PositiveDuration.class,
			description = "Longest wait for the whole login (default: 30s, or the environment's).")
	Duration loginTimeout;

	@Option(names = "--socket-timeout", paramLabel = "DURATION", converter = NonNegativeDuration.class,
			description = "Longest wait for any answer of the server; 0 waits as long as a statement runs "
					+ "(default: 0, or the environment's).")
	Duration socketTimeout;

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
			ConnectionSettings database = ConnectionSettings.parse(this.databaseUrl, null, null);
			configuration.database(database.withTimeouts(timeouts(database.timeouts())));
		}
		else if (this.connectTimeout != null || this.loginTimeout != null || this.socketTimeout != null) {
			Environment environment = configuration.load().environment();
			if (environment.database() != null) {
				environment = environment
					.withDatabase(environment.database().withTimeouts(timeouts(environment.database().timeouts())));
			}
			configuration.environment(environment);
		}
		return configuration;
	}

	private ConnectionTimeouts timeouts(ConnectionTimeouts configured) {
		return configured.with(this.connectTimeout, this.loginTimeout, this.socketTimeout);
	}

	/** The project directory. */
	public Path projectDirectory() {
		return this.projectDirectory;
	}

}
