package dev.confiture.core.config;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A server that accepts TCP and never answers (on loopback) ends the login with a message
 * that names the host, instead of hanging.
 */
class ConnectionTimeoutTests {

	@TempDir
	Path project;

	@Test
	void silentServerEndsTheLoginWithTheHostNamed() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			ConnectionSettings settings = ConnectionSettings
				.parse("postgresql://app:pw@127.0.0.1:" + silent.getLocalPort() + "/db", null, null)
				.withTimeouts(ConnectionTimeouts.DEFAULTS.with(null, Duration.ofSeconds(1), null));
			assertThatExceptionOfType(SQLException.class).isThrownBy(settings::connect)
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("127.0.0.1:" + silent.getLocalPort())
					.contains("login timeout of 1 s"));
		}
	}

	@Test
	void timeoutsAreReadFromTheEnvironmentFile() throws IOException {
		Files.createDirectories(this.project.resolve("db/environments"));
		Files.createDirectories(this.project.resolve("db/schema"));
		Files.writeString(this.project.resolve("db/environments/local.yaml"), "name: local\n"
				+ "database_url: postgresql://localhost/app\nconnect_timeout: 3s\nlogin_timeout: 500ms\nsocket_timeout: 2m\n");
		Environment environment = new EnvironmentLoader(Map.of()).load(this.project, "local");
		assertThat(environment.database().timeouts())
			.isEqualTo(new ConnectionTimeouts(Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofMinutes(2)));
	}

	@Test
	void zeroOrNegativeTimeoutsAreRefusedWithTheLine() throws IOException {
		Files.createDirectories(this.project.resolve("db/environments"));
		Files.writeString(this.project.resolve("db/environments/local.yaml"),
				"name: local\ndatabase_url: postgresql://localhost/app\nlogin_timeout: -5s\n");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> new EnvironmentLoader(Map.of()).load(this.project, "local"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("local.yaml:3")
				.contains("'login_timeout' must be a positive duration, not '-5s'"));
	}

	@Test
	void nonNumericPortFromAVariableNamesTheVariableNotItsValue() throws IOException {
		Files.createDirectories(this.project.resolve("db/environments"));
		Files.writeString(this.project.resolve("db/environments/local.yaml"),
				"name: local\ndatabase:\n  host: localhost\n  port: ${PW}\n  database: app\n");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> new EnvironmentLoader(Map.of("PW", "hunter2-secret")).load(this.project, "local"))
			.satisfies((ex) -> assertThat(ex.getMessage() + ex.hint()).contains("${PW}").doesNotContain("hunter2"));
	}

}
