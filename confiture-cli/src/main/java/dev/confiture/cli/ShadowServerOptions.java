package dev.confiture.cli;

import picocli.CommandLine.Option;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Environment;
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
	 * The server to build DDL on: the option, the variable, the environment's server, then
	 * the test server provider.
	 * @param environment the environment, or {@code null}
	 * @param database the database that overrides the environment's, or {@code null}
	 * @return the server
	 */
	PostgresServer server(Environment environment, ConnectionSettings database) {
		if (this.shadowUrl != null) {
			return PostgresServers.existing(ConnectionSettings.parse(this.shadowUrl, null, null), "--shadow-url");
		}
		String variable = System.getenv(VARIABLE);
		if (variable != null && !variable.isBlank()) {
			return PostgresServers.existing(ConnectionSettings.parse(variable, null, null), VARIABLE);
		}
		ConnectionSettings target = (database != null) ? database
				: (environment != null) ? environment.database() : null;
		if (target != null) {
			return PostgresServers.existing(target, "the environment's database server");
		}
		return PostgresServers.shared();
	}

}
