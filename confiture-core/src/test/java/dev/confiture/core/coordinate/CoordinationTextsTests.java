package dev.confiture.core.coordinate;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoordinationTextsTests {

	@Test
	void rendersTheSeedTable() {
		assertThat(CoordinationTexts.of(true)
			.table(CoordinationTexts.STATUS_HEADERS,
					List.of(List.of("int_abc123def456", "alice", "user_profiles", "IN_PROGRESS"))))
			.isEqualTo("""
					┌───────────────────┬────────┬────────────────┬──────────────┐
					│ Intent ID         │ Agent  │ Feature        │ Status       │
					├───────────────────┼────────┼────────────────┼──────────────┤
					│ int_abc123def456  │ alice  │ user_profiles  │ IN_PROGRESS  │
					└───────────────────┴────────┴────────────────┴──────────────┘
					""");
	}

	@Test
	void asciiAndLongOrControlCharactersAreTamed() {
		assertThat(CoordinationTexts.of(false).table(List.of("A"), List.of(List.of("x\ny".repeat(20))))).isEqualTo("""
				+-------------------------------------------+
				| A                                         |
				+-------------------------------------------+
				| x yx yx yx yx yx yx yx yx yx yx yx yx...  |
				+-------------------------------------------+
				""");
	}

	@Test
	void asciiMarks() {
		CoordinationTexts texts = CoordinationTexts.of(false);
		assertThat(texts.ok()).isEmpty();
		assertThat(texts.warning()).isEqualTo("! ");
		assertThat(texts.openConflicts(List.of())).containsExactly("No open conflicts");
	}

}
