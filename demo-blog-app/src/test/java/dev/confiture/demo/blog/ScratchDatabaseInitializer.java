package dev.confiture.demo.blog;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

/**
 * Points the application at a new empty database on {@link PostgresServers#shared()} (one
 * server per JVM: {@code CONFITURE_TEST_JDBC_URL}, Testcontainers or embedded), which is
 * dropped after the context, and its connection pool, have closed.
 */
class ScratchDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ScratchDatabase database = PostgresServers.shared().createDatabase();
		// Registered before any other bean, so destroyed after all of them.
		((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("scratchDatabase",
				database::close);
		TestPropertyValues.of(properties(database.settings())).applyTo(context);
	}

	static String[] properties(ConnectionSettings settings) {
		return new String[] { "spring.datasource.url=" + settings.jdbcUrl(),
				"spring.datasource.username=" + settings.user(),
				"spring.datasource.password=" + ((settings.password() != null) ? settings.password() : "") };
	}

}
