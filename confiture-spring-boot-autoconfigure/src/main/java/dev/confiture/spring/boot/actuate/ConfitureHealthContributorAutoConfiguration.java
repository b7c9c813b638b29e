package dev.confiture.spring.boot.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

import dev.confiture.spring.boot.autoconfigure.ConfitureAutoConfiguration;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargets;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargetsAutoConfiguration;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenants;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenantsAutoConfiguration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for
 * {@link ConfitureHealthIndicator}: one {@code confiture} indicator, or, with named
 * targets or tenants, a {@code confiture} composite with a component per target
 * ({@code main}, each {@code confiture.targets.<name>}) and {@code tenants}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { ConfitureAutoConfiguration.class, ConfitureTargetsAutoConfiguration.class,
		ConfitureTenantsAutoConfiguration.class })
@ConditionalOnClass(AbstractHealthIndicator.class)
@ConditionalOnBean(ConfitureRunState.class)
@ConditionalOnEnabledHealthIndicator("confiture")
public final class ConfitureHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "confitureHealthIndicator")
	HealthContributor confitureHealthIndicator(ConfitureRunState state, ConfitureProperties properties,
			ObjectProvider<ConfitureTargets> targets, ObjectProvider<ConfitureTenants> tenants) {
		ConfitureHealthIndicator main = new ConfitureHealthIndicator(state, properties.getMode());
		ConfitureTargets named = targets.getIfAvailable();
		ConfitureTenants fleet = tenants.getIfAvailable();
		if ((named == null || named.targets().isEmpty()) && fleet == null) {
			return main;
		}
		Map<String, HealthContributor> components = new LinkedHashMap<>();
		components.put(ConfitureTargets.MAIN, main);
		if (named != null) {
			named.targets()
				.forEach((name, target) -> components.put(name,
						new ConfitureHealthIndicator(named.state(name), target.getMode())));
		}
		if (fleet != null) {
			components.put(ConfitureTargets.TENANTS, new ConfitureTenantsHealthIndicator(fleet));
		}
		return CompositeHealthContributor.fromMap(components);
	}

}
