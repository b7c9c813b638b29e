package dev.confiture.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntentTableTests {

	@Test
	void rendersTheSeedTable() {
		assertThat(IntentTable.render(CoordinateStatusCommand.HEADERS,
				List.of(List.of("int_abc123def456", "alice", "user_profiles", "IN_PROGRESS")), true))
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
		assertThat(IntentTable.render(List.of("A"), List.of(List.of("x\ny".repeat(20))), false)).isEqualTo("""
				+-------------------------------------------+
				| A                                         |
				+-------------------------------------------+
				| x yx yx yx yx yx yx yx yx yx yx yx yx...  |
				+-------------------------------------------+
				""");
	}

}
