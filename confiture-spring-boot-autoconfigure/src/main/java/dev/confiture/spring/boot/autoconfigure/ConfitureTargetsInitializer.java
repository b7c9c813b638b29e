package dev.confiture.spring.boot.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Builds or migrates the targets that name a database by URL (not a {@code DataSource}
 * bean) at startup, before JPA, jOOQ or JDBC clients start, like
 * {@link ConfitureMigrationInitializer} does for the main target.
 *
 * @since 0.1.0
 */
public class ConfitureTargetsInitializer implements InitializingBean {

	private final BeanFactory beanFactory;

	private final Environment environment;

	/**
	 * Creates the initializer.
	 * @param beanFactory the bean factory holding the targets
	 * @param environment the Spring environment
	 */
	public ConfitureTargetsInitializer(BeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		ConfitureTargets targets = this.beanFactory.getBean(ConfitureTargets.class);
		targets.targets().forEach((name, properties) -> {
			if (properties.getDataSource() == null) {
				targets.initialize(name, null, (ListableBeanFactory) this.beanFactory);
			}
		});
	}

}
