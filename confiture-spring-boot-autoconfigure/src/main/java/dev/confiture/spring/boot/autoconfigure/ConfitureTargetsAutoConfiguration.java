package dev.confiture.spring.boot.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import dev.confiture.core.Confiture;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the named targets of
 * {@code confiture.targets.<name>.*}: databases besides the main one, each built or
 * migrated before the beans that use it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, ConfitureAutoConfiguration.class })
@ConditionalOnClass(Confiture.class)
@ConditionalOnBooleanProperty(name = "confiture.enabled", matchIfMissing = true)
@Conditional(OnConfitureTargetsCondition.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class ConfitureTargetsAutoConfiguration {

	@Bean
	static ConfitureTargetsPostProcessor confitureTargetsPostProcessor(Environment environment) {
		return new ConfitureTargetsPostProcessor(environment);
	}

	@Bean
	ConfitureTargetsInitializer confitureTargetsInitializer(BeanFactory beanFactory) {
		return new ConfitureTargetsInitializer(beanFactory);
	}

}
