package dev.confiture.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.confiture.benchmarks.generate.ConfitureProject;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;

/**
 * {@code java -jar confiture.jar build} as a new process, so that the JVM start and a
 * cold JIT are part of the time, as for a user at a shell. The database URL is passed
 * through the environment variable the generated environment file reads, never on the
 * command line.
 */
final class ConfitureCliBuildContender extends DatabaseContender {

	private final Path java;

	private final Path cliJar;

	private final ConfitureProject project;

	ConfitureCliBuildContender(String name, PostgresServer server, DatabaseCheck check, Path java, Path cliJar,
			ConfitureProject project) {
		super(name, server, check);
		this.java = java;
		this.cliJar = cliJar;
		this.project = project;
	}

	@Override
	void run(ConnectionSettings database) throws Exception {
		Subprocess.run(
				List.of(this.java.toString(), "-jar", this.cliJar.toString(), "build", "--project-dir",
						this.project.directory().toString(), "--env", ConfitureProject.ENVIRONMENT),
				Map.of(ConfitureProject.DATABASE_URL_VARIABLE, urlWithCredentials(database)));
	}

	static String urlWithCredentials(ConnectionSettings database) {
		StringBuilder url = new StringBuilder(database.jdbcUrl());
		char separator = (database.jdbcUrl().indexOf('?') >= 0) ? '&' : '?';
		if (database.user() != null) {
			url.append(separator).append("user=").append(encode(database.user()));
			separator = '&';
		}
		if (database.password() != null) {
			url.append(separator).append("password=").append(encode(database.password()));
		}
		return url.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
