package dev.confiture.core.config;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.confiture.core.api.ConfitureException.Category;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigurationExceptionTests {

	private static final Path FILE = Path.of("/app/confiture.yaml");

	@Test
	void messageStartsWithFileAndLineAndEndsWithTheFix() {
		ConfigurationException ex = new ConfigurationException(FILE, 3, "Unknown key 'x'", "Remove it");
		assertThat(ex).hasMessage("/app/confiture.yaml:3: Unknown key 'x'. Remove it");
		assertThat(ex.file()).isEqualTo(FILE);
		assertThat(ex.line()).isEqualTo(3);
		assertThat(ex.hint()).isEqualTo("Remove it");
		assertThat(ex.category()).isEqualTo(Category.CONFIG);
		assertThat(ex.category()).isEqualTo(Category.CONFIG);
	}

	@Test
	void unknownLineIsLeftOut() {
		assertThat(new ConfigurationException(FILE, 0, "Not found", "Create it"))
			.hasMessage("/app/confiture.yaml: Not found. Create it");
	}

	@Test
	void missingFileAndFixAreLeftOut() {
		ConfigurationException ex = new ConfigurationException(null, 0, "Invalid environment name", (String) null);
		assertThat(ex).hasMessage("Invalid environment name");
		assertThat(ex.file()).isNull();
		assertThat(ex.hint()).isNull();
	}

}
