package dev.confiture.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class RemedyTextTests {

	@ParameterizedTest
	@EnumSource(Kind.class)
	void everyRemedyIsWordedWithGoalsNotCommands(Kind kind) {
		String text = RemedyText.of(Remedy.of(kind, "before", "Fix x.sql and ", "operation", "up", "version", "3",
				"setting", "ENVIRONMENT", "count", "2", "schema", "db/schema", "fetch", "Fetch"));
		assertThat(text).isNotBlank()
			.doesNotContain("confiture migrate")
			.doesNotContain("confiture build")
			.doesNotContain("spring.");
	}

	@Test
	void flagsBecomeParametersAndCommandsBecomeGoals() {
		assertThat(RemedyText.of(Remedy.of(Kind.CHECK_CONNECTION)))
			.isEqualTo("Check the database settings (env, configFile or databaseUrl) and that PostgreSQL is running");
		assertThat(RemedyText.of(Remedy.of(Kind.INITIALIZE_FIRST)))
			.isEqualTo("Run ./mvnw confiture:migrate (or ./mvnw confiture:build) first");
		assertThat(RemedyText.of(Remedy.of(Kind.NON_EMPTY_DATABASE))).contains("dropExisting", "ifEmpty")
			.doesNotContain("--");
		assertThat(RemedyText.of(Remedy.of(Kind.LOCK_HELD))).contains("raise lockWait");
		assertThat(RemedyText.of(Remedy.of(Kind.APPLY_UP_TO, "version", "5")))
			.isEqualTo("Use ./mvnw confiture:migrate -Dconfiture.target=5 to apply up to it");
	}

	@Test
	void rerunNamesTheGoal() {
		assertThat(RemedyText
			.of(Remedy.of(Kind.RERUN, "before", "Fix db/migrations/002_x.up.sql and ", "operation", "up")))
			.isEqualTo("Fix db/migrations/002_x.up.sql and run ./mvnw confiture:migrate again");
		assertThat(RemedyText.of(Remedy.of(Kind.RERUN, "operation", "down", "after", " when you are ready")))
			.isEqualTo("Run ./mvnw confiture:down again when you are ready");
	}

	@Test
	void passNamesTheParameter() {
		assertThat(RemedyText.of(Remedy.pass(Remedy.Setting.ENVIRONMENT, "staging", "Choose one with ", "")))
			.isEqualTo("Choose one with env=staging");
	}

	@Test
	void aFailureWithoutRemedyKeepsItsHint() {
		assertThat(RemedyText.of(new ConfitureException(Category.CONFIG, "Bad", "Check that PostgreSQL is running")))
			.isEqualTo("Check that PostgreSQL is running");
		assertThat(RemedyText.of(new ConfitureException(Category.CONFIG, "Bad"))).isNull();
	}

}
