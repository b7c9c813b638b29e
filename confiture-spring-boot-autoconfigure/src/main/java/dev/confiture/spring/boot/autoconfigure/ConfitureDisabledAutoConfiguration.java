package dev.confiture.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import dev.confiture.core.Confiture;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for an application that turned
 * Confiture off ({@code confiture.enabled=false}): nothing is built or migrated and the
 * application starts, but each unknown {@code confiture.*} property is named in a warning
 * with the closest known one, so that a typo is seen before Confiture is turned on again
 * (where it stops the startup).
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(Confiture.class)
@ConditionalOnBooleanProperty(name = "confiture.enabled", havingValue = false)
public final class ConfitureDisabledAutoConfiguration {

	@Bean
	static UnknownPropertiesWarning confitureUnknownPropertiesWarning(Environment environment) {
		return new UnknownPropertiesWarning(environment);
	}

	/**
	 * Logs one warning per unknown {@code confiture.*} property.
	 */
	static final class UnknownPropertiesWarning implements InitializingBean {

		private static final Log logger = LogFactory.getLog(ConfitureDisabledAutoConfiguration.class);

		private final Environment environment;

		UnknownPropertiesWarning(Environment environment) {
			this.environment = environment;
		}

		@Override
		public void afterPropertiesSet() {
			unknown().forEach(logger::warn);
		}

		/**
		 * One line per unknown property: what, where from, and the closest known
		 * property.
		 */
		List<String> unknown() {
			List<String> warnings = new ArrayList<>();
			try {
				Binder.get(this.environment)
					.bind("confiture", Bindable.ofInstance(new ConfitureProperties()),
							new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
			}
			catch (BindException ex) {
				if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
					for (ConfigurationProperty property : unbound.getUnboundProperties()) {
						String name = property.getName().toString();
						String suggestion = ConfitureUnknownPropertyFailureAnalyzer.suggestion(name);
						warnings.add("Unknown property " + name
								+ ((property.getOrigin() != null) ? " (from " + property.getOrigin() + ")" : "")
								+ ((suggestion != null) ? ": did you mean " + suggestion + "?"
										: ": not a Confiture property.")
								+ " Confiture is turned off (confiture.enabled=false), so it is only reported; "
								+ "with Confiture on, it stops the startup.");
					}
				}
			}
			return warnings;
		}

	}

}
