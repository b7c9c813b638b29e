package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.confiture.core.Confiture;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ConfitureTest @ConfitureTest} loads, and what it does not.
 */
@ConfitureTest
class ConfitureTestSliceTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void loadsJdbcTransactionsAndConfitureOnTheTestDatabase() {
		assertThat(this.context.getBean(DataSource.class)).isInstanceOf(ConfitureTestDataSource.class);
		assertThat(this.context.getBeanProvider(JdbcClient.class).getIfAvailable()).isNotNull();
		assertThat(this.context.getBeanProvider(JdbcTemplate.class).getIfAvailable()).isNotNull();
		assertThat(this.context.getBeanProvider(PlatformTransactionManager.class).getIfAvailable()).isNotNull();
		assertThat(this.context.getBeanProvider(TransactionTemplate.class).getIfAvailable()).isNotNull();
		assertThat(this.context.getBeanProvider(Confiture.class).getIfAvailable()).isNotNull();
	}

	@Test
	void doesNotLoadControllersOrOtherComponents() {
		assertThat(this.context.getBeanNamesForType(SampleController.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(CustomerDirectory.class)).isEmpty();
	}

	@Test
	void isNotTransactional() {
		assertThat(TestTransaction.isActive()).isFalse();
	}

	@Test
	void confitureFindsTheCloneUpToDateInsteadOfBuildingIt() throws SQLException {
		ConfitureRunState state = this.context.getBean(ConfitureRunState.class);
		assertThat(state.lastRun().action()).isEqualTo("migrate");
		assertThat(state.lastRun().versions()).isEmpty();
		assertThat(TestDatabases.query(this.context.getBean(DataSource.class),
				"SELECT version || ' ' || kind FROM confiture_migrations ORDER BY version"))
			.containsExactly("001 baseline", "002 baseline", "003 baseline");
	}

	@Test
	void templateIsNamedAfterTheKeyAndClosedToConnections() throws SQLException {
		ConfitureTestDataSource dataSource = this.context.getBean(ConfitureTestDataSource.class);
		assertThat(dataSource.getTemplateName()).matches("confiture_tpl_[0-9a-f]{12}");
		assertThat(TestDatabases.query(dataSource, "SELECT datistemplate || ' ' || datallowconn FROM pg_database "
				+ "WHERE datname = '" + dataSource.getTemplateName() + "'"))
			.containsExactly("true false");
	}

}
