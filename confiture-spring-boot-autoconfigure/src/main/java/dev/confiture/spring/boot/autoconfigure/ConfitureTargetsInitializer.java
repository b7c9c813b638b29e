package dev.confiture.spring.boot.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Builds or migrates the targets that name a database by URL (not a {@code DataSource}
 * bean) at startup, before JPA, jOOQ or JDBC clients start, like
 * {@link ConfitureMigrationInitializer} does for the main target.
 *
 * @since 0.1.0
 */
public class ConfitureTargetsInitializer implements InitializingBean {

	private final BeanFactory beanFactory;

	/**
	 * Creates the initializer.
	 * @param beanFactory the bean factory holding the targets
	 */
	public ConfitureTargetsInitializer(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
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
