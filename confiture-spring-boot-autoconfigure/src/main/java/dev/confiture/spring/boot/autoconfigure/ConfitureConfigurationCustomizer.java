package dev.confiture.spring.boot.autoconfigure;

import dev.confiture.core.Confiture;

/**
 * Callback to customize the {@link Confiture.Configuration} before the auto-configured
 * {@link Confiture} instance is created, e.g. to add a build listener or adjust the
 * migrator.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConfitureConfigurationCustomizer {

	/**
	 * Customizes the configuration.
	 * @param configuration the configuration to customize
	 */
	void customize(Confiture.Configuration configuration);

}
