package dev.confiture.spring.boot.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

import dev.confiture.core.Confiture;

/**
 * A {@link DatabaseInitializerDetector} for {@link Confiture} beans.
 */
class ConfitureDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(Confiture.class);
	}

	@Override
	public int getOrder() {
		return 10;
	}

}
