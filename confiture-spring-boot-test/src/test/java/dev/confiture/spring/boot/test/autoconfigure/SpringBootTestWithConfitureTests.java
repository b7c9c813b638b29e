package dev.confiture.spring.boot.test.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureConfiture @AutoConfigureConfiture} with {@code @SpringBootTest}:
 * the whole application, on a test database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@AutoConfigureConfiture
class SpringBootTestWithConfitureTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private CustomerRepository customers;

	@Test
	void wholeApplicationRunsOnTheTestDatabase() {
		assertThat(this.context.getBean(DataSource.class)).isInstanceOf(ConfitureTestDataSource.class);
		assertThat(this.context.getBeanNamesForType(SampleController.class)).hasSize(1);
		assertThat(this.customers.findByEmail("common@example.com")).isPresent();
	}

}
