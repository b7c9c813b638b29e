package dev.confiture.spring.boot.actuate;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.confiture.spring.boot.autoconfigure.ConfitureAutoConfiguration;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargets;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargetsAutoConfiguration;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenants;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenantsAutoConfiguration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Confiture's Micrometer meters.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		after = { ConfitureAutoConfiguration.class, ConfitureTargetsAutoConfiguration.class,
				ConfitureTenantsAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(ConfitureRunState.class)
public final class ConfitureMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConfitureMeterBinder confitureMeterBinder(ConfitureRunState state, ObjectProvider<ConfitureTargets> targets,
			ObjectProvider<ConfitureTenants> tenants) {
		return new ConfitureMeterBinder(state, targets.getIfAvailable(), tenants.getIfAvailable());
	}

}
