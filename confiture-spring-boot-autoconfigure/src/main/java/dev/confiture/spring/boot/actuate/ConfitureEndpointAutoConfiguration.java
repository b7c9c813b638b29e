package dev.confiture.spring.boot.actuate;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.confiture.core.Confiture;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureAutoConfiguration;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargets;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargetsAutoConfiguration;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenants;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenantsAutoConfiguration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link ConfitureEndpoint}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { ConfitureAutoConfiguration.class, ConfitureTargetsAutoConfiguration.class,
		ConfitureTenantsAutoConfiguration.class })
@ConditionalOnClass({ Confiture.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(ConfitureEndpoint.class)
public final class ConfitureEndpointAutoConfiguration {

	/** How many tenants that are not up to date the endpoint lists. */
	static final int MAX_FAILING_TENANTS = 20;

	@Bean
	@ConditionalOnBean(Confiture.class)
	@ConditionalOnMissingBean
	ConfitureEndpoint confitureEndpoint(ApplicationContext context, Map<String, Confiture> confitureBeans,
			ObjectProvider<ConfitureProperties> properties, ObjectProvider<ConfitureRunState> state,
			ObjectProvider<CoordinationRegistry> coordinationRegistry, ObjectProvider<ConfitureTargets> targets,
			ObjectProvider<ConfitureTenants> tenants) {
		return new ConfitureEndpoint(context.getId(), confitureBeans,
				properties.getIfAvailable(ConfitureProperties::new), state.getIfAvailable(ConfitureRunState::new),
				coordinationRegistry.getIfAvailable(), targets.getIfAvailable(), tenants.getIfAvailable(),
				MAX_FAILING_TENANTS);
	}

}
