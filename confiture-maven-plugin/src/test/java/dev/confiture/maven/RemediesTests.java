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
	void neutralRemediesPassThrough() {
		assertThat(Remedies.word("Check that PostgreSQL is running")).isEqualTo("Check that PostgreSQL is running");
		assertThat(Remedies.word(null)).isNull();
	}

}
