package dev.confiture.maven;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RemediesTests {

	@Test
	void flagsBecomeParametersAndCommandsBecomeGoals() {
		assertThat(Remedies.word("Check the database settings (--env, --config or --database-url)"))
			.isEqualTo("Check the database settings (env, configFile or databaseUrl)");
		assertThat(Remedies.word("Run confiture migrate up (or confiture build) to create it"))
			.isEqualTo("Run ./mvnw confiture:migrate (or ./mvnw confiture:build) to create it");
		assertThat(Remedies.word("Use --drop-existing or --if-empty")).isEqualTo("Use dropExisting or ifEmpty");
	}

	@Test
	void lintAndCoordinationRemedies() {
		assertThat(Remedies.word("Lint them with confiture migrate lint, or run with --lint=warn"))
			.isEqualTo("Lint them with ./mvnw confiture:lint, or run with lint=warn");
		assertThat(Remedies.word("List the intents with: confiture coordinate list"))
			.isEqualTo("List the intents with: ./mvnw confiture:coordinate-list");
		assertThat(Remedies.word("Pass --db-url or --agent-id")).isEqualTo("Pass coordinationUrl or agentId");
	}

	@Test
	void neutralRemediesPassThrough() {
		assertThat(Remedies.word("Check that PostgreSQL is running")).isEqualTo("Check that PostgreSQL is running");
		assertThat(Remedies.word(null)).isNull();
	}

}
