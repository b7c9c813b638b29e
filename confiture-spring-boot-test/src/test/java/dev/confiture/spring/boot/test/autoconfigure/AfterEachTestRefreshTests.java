package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.SQLException;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.annotation.Transactional;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.Refresh;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Refresh#AFTER_EACH_TEST}: every test method gets a fresh database.
 */
@ConfitureTest(refresh = Refresh.AFTER_EACH_TEST)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AfterEachTestRefreshTests {

	private static String firstDatabase;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ConfitureTestDataSource dataSource;

	@Test
	@Order(1)
	void first() {
		insertTheSameRow();
		firstDatabase = this.dataSource.getDatabaseName();
	}

	@Test
	@Order(2)
	void secondHasAFreshDatabase() throws SQLException {
		insertTheSameRow();
		assertThat(this.dataSource.getDatabaseName()).isNotEqualTo(firstDatabase);
		assertThat(TestDatabases.exists(this.dataSource, firstDatabase)).isFalse();
	}

	@Test
	@Order(3)
	@Transactional
	void transactionalTestRunsOnItsOwnDatabase() {
		assertThat(TestTransaction.isActive()).isTrue();
		insertTheSameRow();
	}

	private void insertTheSameRow() {
		this.jdbc.sql("INSERT INTO customer (email, name) VALUES ('each@example.com', 'Each')").update();
		assertThat(this.jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single()).isEqualTo(3);
	}

}
