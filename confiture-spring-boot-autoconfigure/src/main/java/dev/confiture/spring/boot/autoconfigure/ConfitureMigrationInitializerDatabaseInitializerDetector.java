package dev.confiture.spring.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link ConfitureMigrationInitializer} beans.
 * Its order differs from {@link ConfitureDatabaseInitializerDetector}'s so that the
 * batches are the same at run time and under AOT.
 */
class ConfitureMigrationInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(ConfitureMigrationInitializer.class);
	}

	@Override
	public int getOrder() {
		return 11;
	}

}
