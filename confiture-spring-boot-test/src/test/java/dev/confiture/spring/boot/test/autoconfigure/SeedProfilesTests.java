package dev.confiture.spring.boot.test.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed profiles chosen on the annotation replace the default {@code common,test}, and
 * {@code confiture.seed-profiles}.
 */
@ConfitureTest(seedProfiles = { "common", "development" }, properties = "confiture.seed-profiles=test")
class SeedProfilesTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ConfitureTestDataSource dataSource;

	@Test
	void templateHoldsTheChosenSeeds() {
		assertThat(this.jdbc.sql("SELECT email FROM customer ORDER BY id").query(String.class).list())
			.containsExactly("common@example.com", "development@example.com");
	}

	@Test
	void otherSeedsMakeAnotherTemplate() {
		assertThat(this.dataSource.definition().environment().sources().seeds())
			.extracting((location) -> location.description().substring(location.description().lastIndexOf('/') + 1))
			.containsExactly("common", "development");
	}

}
