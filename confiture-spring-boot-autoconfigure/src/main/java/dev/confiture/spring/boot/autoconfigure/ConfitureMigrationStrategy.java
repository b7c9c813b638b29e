package dev.confiture.spring.boot.autoconfigure;

import dev.confiture.core.Confiture;

/**
 * Strategy used to initialize the database with {@link Confiture} at startup, instead of
 * the configured {@code confiture.mode}. For example, to only validate in some
 * environments, or to run a baseline first.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConfitureMigrationStrategy {

	/**
	 * Initializes the database.
	 * @param confiture the configured Confiture instance
	 */
	void migrate(Confiture confiture);

}
