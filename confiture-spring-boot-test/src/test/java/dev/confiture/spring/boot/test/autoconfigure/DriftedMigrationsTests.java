package dev.confiture.spring.boot.test.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migrations-agree check on migrations that miss a check constraint, a NOT NULL, an
 * index and a numeric precision of the schema files.
 */
@ConfitureTest(properties = "confiture.migration-locations=classpath:drifted/migrations")
class DriftedMigrationsTests {

	@Autowired
	private ConfitureTestDataSource dataSource;

	@Test
	void namesEveryDifference() {
		assertThat(MigrationsAgreement.differences(this.dataSource)).hasSizeGreaterThanOrEqualTo(4)
			.anySatisfy((difference) -> assertThat(difference).contains("customer_name_idx"))
			.anySatisfy((difference) -> assertThat(difference).contains("purchase_order_total_check"))
			.anySatisfy((difference) -> assertThat(difference).contains("customer_id"))
			.anySatisfy((difference) -> assertThat(difference).contains("total"));
	}

	@Test
	void readyMadeCheckFailsWithTheDifferences() {
		AbstractMigrationsAgreementTests check = new AbstractMigrationsAgreementTests() {
		};
		org.springframework.test.util.ReflectionTestUtils.setField(check, "dataSource", this.dataSource);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(check::schemaFilesAndMigrationsAgree)
			.withMessageContaining("Replaying the migrations does not give the schema of the schema files")
			.withMessageContaining("customer_name_idx");
	}

}
