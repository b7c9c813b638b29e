package dev.confiture.spring.boot.test.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.stereotype.Repository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code includeFilters} add components to the slice.
 */
@ConfitureTest(includeFilters = @Filter(Repository.class))
class IncludeFiltersTests {

	@Autowired
	private CustomerDirectory customers;

	@Test
	void includedRepositoryWorksOnTheTestDatabase() {
		this.customers.add("included@example.com", "Included");
		assertThat(this.customers.emails()).containsExactly("common@example.com", "test@example.com",
				"included@example.com");
	}

}
