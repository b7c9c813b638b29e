package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The twin of {@link IsolationFirstTests}.
 */
@ConfitureTest
class IsolationSecondTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ConfitureTestDataSource dataSource;

	@Autowired
	private ApplicationContext context;

	@Test
	void insertsTheRowThatTheOtherClassInsertsToo() throws SQLException {
		IsolationFirstTests.Isolation.insertTheSharedRowAndCheck(this.jdbc, this.dataSource, this.context);
	}

}
