package dev.confiture.maven;

import org.junit.jupiter.api.Test;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTests {

	@Test
	void passwordsAreRemovedFromUrlsAndWhereverTheyAppear() {
		Secrets secrets = Secrets.of("s3cret-Pa55", null);
		assertThat(secrets.clean("postgresql://app:hunter22@db:5432/x failed; password s3cret-Pa55 rejected"))
			.isEqualTo("postgresql://app:****@db:5432/x failed; password **** rejected");
	}

	@Test
	void failureCarriesMessageAndWordedRemedyWithoutSecrets() {
		ConfitureException ex = new ConfitureException(Category.DATABASE,
				"Could not connect to postgresql://app:s3cret-Pa55@db/x", Remedy.of(Remedy.Kind.CHECK_CONNECTION));
		assertThat(Failures.of(ex, Secrets.of("s3cret-Pa55")).getMessage())
			.isEqualTo("Could not connect to postgresql://app:****@db/x" + System.lineSeparator()
					+ "Hint: Check the database settings (env, configFile or databaseUrl) and that PostgreSQL is running")
			.doesNotContain("s3cret");
	}

}
