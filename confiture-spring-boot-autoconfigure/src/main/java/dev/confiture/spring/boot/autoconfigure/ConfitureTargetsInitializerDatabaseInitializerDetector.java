package dev.confiture.spring.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link ConfitureTargetsInitializer} beans, so
 * that JPA, jOOQ and JDBC clients wait for the targets reached by URL.
 */
class ConfitureTargetsInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(ConfitureTargetsInitializer.class);
	}

	@Override
	public int getOrder() {
		return 12;
	}

}
