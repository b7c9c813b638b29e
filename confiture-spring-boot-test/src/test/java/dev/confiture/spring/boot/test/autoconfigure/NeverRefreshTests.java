package dev.confiture.spring.boot.test.autoconfigure;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.Refresh;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Refresh#NEVER}: the tests share the database of the context.
 */
@ConfitureTest(refresh = Refresh.NEVER)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NeverRefreshTests {

	private static String firstDatabase;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ConfitureTestDataSource dataSource;

	@Test
	@Order(1)
	void first() {
		this.jdbc.sql("INSERT INTO customer (email, name) VALUES ('never@example.com', 'Never')").update();
		firstDatabase = this.dataSource.getDatabaseName();
	}

	@Test
	@Order(2)
	void secondSeesWhatTheFirstDid() {
		assertThat(this.dataSource.getDatabaseName()).isEqualTo(firstDatabase);
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer WHERE email = 'never@example.com'")
			.query(Long.class)
			.single()).isOne();
	}

}
