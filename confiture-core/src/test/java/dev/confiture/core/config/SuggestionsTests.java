package dev.confiture.core.config;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsTests {

	private static final List<String> KEYS = List.of("includes", "include_dirs", "exclude_dirs", "database",
			"database_url", "tracking_table");

	@Test
	void missingLetterIsSuggested() {
		assertThat(Suggestions.closest("include_dir", KEYS)).isEqualTo("include_dirs");
		assertThat(Suggestions.closest("databse_url", KEYS)).isEqualTo("database_url");
	}

	@Test
	void transposedLettersCountAsOneEdit() {
		assertThat(Suggestions.closest("hots", List.of("host", "port"))).isEqualTo("host");
	}

	@Test
	void caseIsIgnored() {
		assertThat(Suggestions.closest("Database_URL", KEYS)).isEqualTo("database_url");
	}

	@Test
	void unrelatedWordHasNoSuggestion() {
		assertThat(Suggestions.closest("superuser_dirs", KEYS)).isNull();
		assertThat(Suggestions.closest("ab", List.of("cd"))).isNull();
	}

}
