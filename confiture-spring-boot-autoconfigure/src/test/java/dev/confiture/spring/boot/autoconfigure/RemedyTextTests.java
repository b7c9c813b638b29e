package dev.confiture.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Kind;
import dev.confiture.core.api.Remedy.Setting;

import static org.assertj.core.api.Assertions.assertThat;

class RemedyTextTests {

	@ParameterizedTest
	@EnumSource(Kind.class)
	void everyRemedyIsWordedWithoutCommandLineFlagsOrCommands(Kind kind) {
		String text = RemedyText
			.of(Remedy.of(kind, "before", "Fix x.sql and ", "operation", "up", "version", "3", "environment", "local",
					"setting", "ENVIRONMENT", "count", "2", "schema", "db/schema", "fetch", "Fetch"));
		assertThat(text).isNotBlank()
			.doesNotContain("--")
			.doesNotContain("confiture migrate")
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

	@ParameterizedTest
	@EnumSource(Setting.class)
	void everySettingIsWordedWithoutAFlag(Setting setting) {
		assertThat(RemedyText.of(Remedy.pass(setting, "x", "Pass ", ""))).startsWith("Pass ").doesNotContain("--");
	}

	@Test
	void baselineProofNamesTheProperty() {
		assertThat(RemedyText.of(Remedy.of(Kind.MIRROR_MIGRATIONS_IN_SCHEMA, "count", "2")))
			.startsWith("Add these changes")
			.contains("confiture.prove-baseline=false")
			.contains("restart the application");
	}

	@Test
	void rerunWithoutCauseStartsWithACapital() {
		assertThat(RemedyText.of(Remedy.of(Kind.RERUN, "operation", "up", "after", " when you are ready")))
			.isEqualTo("Restart the application when you are ready");
	}

	@Test
	void lockHeldNamesTheLockWaitProperty() {
		assertThat(RemedyText.of(Remedy.of(Kind.LOCK_HELD))).contains("confiture.lock-wait");
	}

}
