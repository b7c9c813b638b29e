package dev.confiture.spring.boot.actuate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.confiture.spring.boot.autoconfigure.ConfitureAutoConfiguration;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for {@link ConfitureHealthIndicator}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ConfitureAutoConfiguration.class)
@ConditionalOnClass(AbstractHealthIndicator.class)
@ConditionalOnBean(ConfitureRunState.class)
@ConditionalOnEnabledHealthIndicator("confiture")
public final class ConfitureHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "confitureHealthIndicator")
	ConfitureHealthIndicator confitureHealthIndicator(ConfitureRunState state, ConfitureProperties properties) {
		return new ConfitureHealthIndicator(state, properties.getMode());
	}

}
