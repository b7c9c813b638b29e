package dev.confiture.spring.boot.test.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureConfiture @AutoConfigureConfiture} with {@code @DataJpaTest}:
 * Hibernate validates the schema of the clone, and {@code @AutoConfigureTestDatabase}
 * does not replace it.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AutoConfigureConfiture
class DataJpaTestWithConfitureTests {

	@Autowired
	private CustomerRepository customers;

	@Autowired
	private DataSource dataSource;

	@Test
	void repositoryWorksOnTheValidatedClone() {
		assertThat(this.dataSource).isInstanceOf(ConfitureTestDataSource.class);
		assertThat(this.customers.findByEmail("test@example.com")).map(Customer::getName).contains("Test Seed");
		this.customers.save(new Customer("jpa@example.com", "Jpa"));
		assertThat(this.customers.count()).isEqualTo(3);
	}

}
