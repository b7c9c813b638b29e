package dev.confiture.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.config.ConnectionSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection parameters read the environment as the command line does and override
 * its credentials and timeouts.
 */
class ConnectionParametersTests {

	@TempDir
	Path project;

	@Test
	void timeoutsOverrideTheEnvironmentsAndKeepTheRest() throws Exception {
		environment("database_url: postgresql://app@db.example:5432/blog?connectTimeout=7\n");
		ConnectionSettings database = parameters(Credentials.NONE,
				new ConnectionParameters.Timeouts(null, Duration.ofSeconds(5), Duration.ZERO))
			.configure()
			.load()
			.database();
		assertThat(database.user()).isEqualTo("app");
		assertThat(database.timeouts().login()).isEqualTo(Duration.ofSeconds(5));
		assertThat(database.timeouts().socket()).isZero();
	}

	@Test
	void credentialsOverrideTheEnvironmentsUserAndKeepItsTimeouts() throws Exception {
		environment("database_url: postgresql://app@db.example:5432/blog\n");
		ConnectionSettings database = parameters(new Credentials("ci", "s3cret"),
				new ConnectionParameters.Timeouts(Duration.ofSeconds(2), null, null))
			.configure()
			.load()
			.database();
		assertThat(database.user()).isEqualTo("ci");
		assertThat(database.password()).isEqualTo("s3cret");
		assertThat(database.timeouts().connect()).isEqualTo(Duration.ofSeconds(2));
		assertThat(database.toString()).doesNotContain("s3cret");
	}

	@Test
	void databaseUrlWinsOverTheEnvironment() throws Exception {
		environment("database_url: postgresql://app@db.example:5432/blog\n");
		ConnectionSettings database = new ConnectionParameters(this.project, null, null,
				"postgresql://other@elsewhere:5433/shop", Credentials.NONE,
				new ConnectionParameters.Timeouts(Duration.ofMillis(500), null, null))
			.configure()
			.load()
			.database();
		assertThat(database.jdbcUrl()).contains("elsewhere:5433/shop");
		assertThat(database.timeouts().connect()).isEqualTo(Duration.ofMillis(500));
	}

	private ConnectionParameters parameters(Credentials credentials, ConnectionParameters.Timeouts timeouts) {
		return new ConnectionParameters(this.project, null, null, null, credentials, timeouts);
	}

	private void environment(String database) throws Exception {
		Path file = this.project.resolve("db/environments/local.yaml");
		Files.createDirectories(file.getParent());
		Files.createDirectories(this.project.resolve("db/migrations"));
		Files.createDirectories(this.project.resolve("db/schema"));
		Files.writeString(file, "name: local\ninclude_dirs: [db/schema]\n" + database);
	}

}
