package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inserts the same unique row as {@link IsolationSecondTests}, committed: both pass
 * because each class has its own database, although they share one cached application
 * context.
 */
@ConfitureTest
class IsolationFirstTests {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ConfitureTestDataSource dataSource;

	@Autowired
	private ApplicationContext context;

	@Test
	void insertsTheRowThatTheOtherClassInsertsToo() throws SQLException {
		Isolation.insertTheSharedRowAndCheck(this.jdbc, this.dataSource, this.context);
	}

	/**
	 * The body of both isolation classes.
	 */
	static final class Isolation {

		private Isolation() {
		}

		static void insertTheSharedRowAndCheck(JdbcClient jdbc, ConfitureTestDataSource dataSource,
				ApplicationContext context) throws SQLException {
			jdbc.sql("INSERT INTO customer (email, name) VALUES ('same@example.com', 'Same')").update();
			assertThat(jdbc.sql("SELECT email FROM customer ORDER BY id").query(String.class).list())
				.containsExactly("common@example.com", "test@example.com", "same@example.com");
			String database = dataSource.getDatabaseName();
			for (String other : TestDatabases.isolationDatabases) {
				assertThat(TestDatabases.exists(dataSource, other)).as("database of the other class dropped").isFalse();
			}
			assertThat(TestDatabases.isolationDatabases.add(database)).isTrue();
			TestDatabases.isolationContexts.add(context);
			assertThat(TestDatabases.isolationContexts).as("one cached context").hasSize(1);
			assertThat(dataSource.templates().events(dataSource.getTemplateName())).as("template looked up once")
				.hasSize(1);
		}

	}

}
