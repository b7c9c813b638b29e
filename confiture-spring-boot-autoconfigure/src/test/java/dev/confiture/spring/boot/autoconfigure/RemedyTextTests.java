package dev.confiture.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class RemedyTextTests {

	@ParameterizedTest
	@EnumSource(Kind.class)
	void everyRemedyIsWordedWithoutCommandLineFlagsOrCommands(Kind kind) {
		String text = RemedyText.of(Remedy.of(kind, "before", "Fix x.sql and ", "operation", "up", "version", "3",
				"environment", "local"));
		assertThat(text).isNotBlank().doesNotContain("--").doesNotContain("confiture migrate")
			.doesNotContain("confiture build");
	}

	@Test
	void rerunMeansRestartTheApplication() {
		Remedy remedy = Remedy.of(Kind.RERUN, "before", "Fix classpath:db/migrations/002_x.up.sql and ", "operation",
				"up", "after", "; migrations applied before it in this run stay applied");
		assertThat(RemedyText.of(remedy)).isEqualTo("Fix classpath:db/migrations/002_x.up.sql and restart the "
				+ "application; migrations applied before it in this run stay applied");
	}

	@Test
	void nonEmptyDatabaseNamesTheModeProperty() {
		assertThat(RemedyText.of(Remedy.of(Kind.NON_EMPTY_DATABASE))).contains("confiture.mode=migrate");
	}

	@Test
	void checksumMismatchNamesTheProperty() {
		assertThat(RemedyText.of(Remedy.of(Kind.CHECKSUM_MISMATCH))).contains("confiture.on-checksum-mismatch=warn");
	}

	@Test
	void lockHeldNamesTheLockWaitProperty() {
		assertThat(RemedyText.of(Remedy.of(Kind.LOCK_HELD))).contains("confiture.lock-wait");
	}

}
