package dev.confiture.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Kind;
import dev.confiture.core.api.Remedy.Setting;

import static org.assertj.core.api.Assertions.assertThat;

class RemedyTextTests {

	@ParameterizedTest
	@EnumSource(Kind.class)
	void everyRemedyIsWordedWithoutSpringProperties(Kind kind) {
		String text = RemedyText
			.of(Remedy.of(kind, "before", "Fix x.sql and ", "operation", "up", "version", "3", "environment", "local",
					"setting", "ENVIRONMENT", "count", "2", "schema", "db/schema", "fetch", "Fetch"));
		assertThat(text).isNotBlank().doesNotContain("confiture.").doesNotContain("spring.");
	}

	@Test
	void rerunNamesTheCommandToRunAgain() {
		Remedy remedy = Remedy.of(Kind.RERUN, "before", "Fix db/migrations/002_x.up.sql and ", "operation", "up",
				"after", "; migrations applied before it in this run stay applied");
		assertThat(RemedyText.of(remedy)).isEqualTo("Fix db/migrations/002_x.up.sql and run confiture migrate up again"
				+ "; migrations applied before it in this run stay applied");
	}

	@Test
	void nonEmptyDatabaseNamesTheBuildFlags() {
		assertThat(RemedyText.of(Remedy.of(Kind.NON_EMPTY_DATABASE))).contains("--drop-existing", "--if-empty");
	}

	@Test
	void lockHeldNamesTheLockWaitFlag() {
		assertThat(RemedyText.of(Remedy.of(Kind.LOCK_HELD))).contains("--lock-wait", "pg_terminate_backend");
	}

	@ParameterizedTest
	@EnumSource(Setting.class)
	void everySettingIsAFlag(Setting setting) {
		assertThat(RemedyText.of(Remedy.pass(setting, "x", "Pass ", ""))).matches("Pass --[a-z-]+ x");
	}

	@Test
	void passNamesTheFlagWithItsValue() {
		assertThat(RemedyText
			.of(Remedy.pass(Setting.ENVIRONMENT, "production", "Pass ", ", or the file of environment 'local'")))
			.isEqualTo("Pass --env production, or the file of environment 'local'");
		assertThat(
				RemedyText.of(Remedy.pass(Setting.BASE_REF, null, "Pass ", " with the branch this work started from")))
			.isEqualTo("Pass --base-ref with the branch this work started from");
	}

	@Test
	void rerunWithoutCauseStartsWithACapital() {
		assertThat(RemedyText.of(Remedy.of(Kind.RERUN, "operation", "down", "after", " when you are ready")))
			.isEqualTo("Run confiture migrate down again when you are ready");
	}

	@Test
	void buildAndDiffRemediesNameTheirFlags() {
		assertThat(RemedyText.of(Remedy.of(Kind.MIRROR_MIGRATIONS_IN_SCHEMA, "count", "1")))
			.startsWith("Add this change")
			.contains("--no-baseline-proof builds anyway");
		assertThat(RemedyText.of(Remedy.of(Kind.REVIEW_HAZARDS))).contains("--allow-hazards", "--online");
		assertThat(RemedyText.of(Remedy.of(Kind.APPLY_UP_TO, "version", "5")))
			.isEqualTo("Use confiture migrate up --target 5 to apply up to it");
		assertThat(RemedyText.of(Remedy.of(Kind.KNOWN_BASE_REF, "fetch", "Fetch the full history"))).isEqualTo(
				"Fetch the full history, or pass --base-ref with a ref that exists ('git branch -a' lists them)");
	}

	@Test
	void aFailureWithoutRemedyKeepsItsHint() {
		assertThat(RemedyText.of(new ConfitureException(Category.CONFIG, "Bad", "Fix it"))).isEqualTo("Fix it");
		assertThat(RemedyText.of(new ConfitureException(Category.CONFIG, "Bad"))).isNull();
	}

	@Test
	void everyCategoryHasTheExitCodeOfTheTable() {
		assertThat(ExitCodes.of(Category.GENERIC)).isEqualTo(1);
		assertThat(ExitCodes.of(Category.NOT_INITIALIZED)).isEqualTo(2);
		assertThat(ExitCodes.of(Category.DATABASE)).isEqualTo(3);
		assertThat(ExitCodes.of(Category.SCHEMA)).isEqualTo(4);
		assertThat(ExitCodes.of(Category.CONFIG)).isEqualTo(5);
		assertThat(ExitCodes.of(Category.LOCK)).isEqualTo(6);
		assertThat(ExitCodes.of(Category.GIT)).isEqualTo(7);
		assertThat(ExitCodes.of(Category.IRREVERSIBLE)).isEqualTo(8);
		assertThat(ExitCodes.of(Category.INTERRUPTED)).isEqualTo(143);
	}

}
