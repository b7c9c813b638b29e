package dev.confiture.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.cli.CliRunner.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line words the remedies of core failures with its own flags and commands:
 * core names none of them.
 */
class RemedyWordingTests {

	@TempDir
	Path project;

	@Test
	void unknownEnvironmentNamesTheEnvFlag() throws IOException {
		write("db/environments/local.yaml", "database_url: postgresql://localhost:1/none\n");
		Result result = CliRunner.run("migrate", "status", "--env", "qa", "--project-dir", this.project.toString());
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
		assertThat(result.err()).contains("Unknown environment 'qa'")
			.contains("Hint: Pass --env with one of the available names, or add environment 'qa'");
	}

	@Test
	void unknownEnvironmentInJsonCarriesTheWordedHint() throws IOException {
		write("db/environments/local.yaml", "database_url: postgresql://localhost:1/none\n");
		Result result = CliRunner.run("migrate", "status", "--env", "qa", "--format", "json", "--project-dir",
				this.project.toString());
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
		assertThat(result.out()).contains("\"hint\"").contains("Pass --env with one of the available names");
	}

	@Test
	void missingConfigurationFileNamesInit() {
		Result result = CliRunner.run("migrate", "status", "--config", this.project.resolve("nope.yaml").toString());
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
		assertThat(result.err()).contains("Configuration file not found")
			.contains("Hint: Check the path, or run 'confiture init' to create a project");
	}

	private void write(String path, String content) throws IOException {
		Path file = this.project.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
