package dev.confiture.cli;

import java.util.function.Supplier;

import picocli.CommandLine.Option;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;

/**
 * {@code --shadow-url}: where DDL is built into throw-away databases to read what it
 * defines.
 */
class ShadowServerOptions {

	static final String VARIABLE = "CONFITURE_SHADOW_URL";

	@Option(names = "--shadow-url", paramLabel = "URL",
			description = "A PostgreSQL server where throw-away databases may be created (user needs CREATEDB). "
					+ "Default: $" + VARIABLE + ", else the environment's database server, else a test server "
					+ "(CONFITURE_TEST_JDBC_URL, Testcontainers or embedded PostgreSQL when on the classpath).")
	String shadowUrl;

	/**
	 * A configuration of the Java API from the environment options and this shadow
	 * server.
	 * @param environment the environment options
	 * @return the configuration, not yet loaded
	 */
	Confiture.Configuration configure(EnvironmentOptions environment) {
		return environment.configure().shadowServer(server());
	}

	/**
	 * The server named by the option or the variable, else {@code null}: the facade then
	 * uses the environment's database server, then the test server provider.
	 * @return the server, asked for only when needed, or {@code null}
	 */
	Supplier<PostgresServer> server() {
		if (this.shadowUrl != null) {
			return () -> PostgresServers.existing(ConnectionSettings.parse(this.shadowUrl, null, null), "--shadow-url");
		}
		String variable = System.getenv(VARIABLE);
		if (variable != null && !variable.isBlank()) {
			return () -> PostgresServers.existing(ConnectionSettings.parse(variable, null, null), VARIABLE);
		}
		return null;
	}

}
