package dev.confiture.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Builds or migrates each target that names a {@code DataSource} bean as soon as that
 * bean is initialised, so that every bean that uses the data source (repositories, JPA,
 * {@code JdbcClient}) gets it only once its target is ready.
 *
 * @since 0.1.0
 */
public class ConfitureTargetsPostProcessor implements BeanPostProcessor, BeanFactoryAware, Ordered {

	private final Environment environment;

	private final Map<String, String> targetsByDataSource = new LinkedHashMap<>();

	private ConfitureTargets targets;

	private ConfigurableListableBeanFactory beanFactory;

	/**
	 * Creates the post-processor.
	 * @param environment the Spring environment holding {@code confiture.targets.*}
	 */
	public ConfitureTargetsPostProcessor(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
		this.targets = ConfitureTargets.of(this.environment);
		this.targets.targets().forEach((name, properties) -> {
			if (properties.getDataSource() != null) {
				String bean = properties.getDataSource().strip();
				if (!this.beanFactory.containsBean(bean)) {
					String known = String.join(", ",
							this.beanFactory.getBeanNamesForType(DataSource.class, true, false));
					throw new ConfitureException(Category.CONFIG,
							"Confiture target '" + name + "': no DataSource bean named '" + bean
									+ "' (DataSource beans: " + known + ")",
							"Set confiture.targets." + name + ".data-source to one of the DataSource beans: " + known);
				}
				this.targetsByDataSource.put(bean, name);
			}
		});
		this.beanFactory.registerSingleton("confitureTargets", this.targets);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		String target = this.targetsByDataSource.get(beanName);
		if (target != null && bean instanceof DataSource dataSource) {
			this.targets.initialize(target, dataSource, this.beanFactory);
		}
		return bean;
	}

	static ConfitureResources resources(BeanFactory beanFactory) {
		ConfitureResources resources = beanFactory.getBeanProvider(ConfitureResources.class).getIfAvailable();
		return (resources != null) ? resources
				: new ConfitureResources(new org.springframework.core.io.support.PathMatchingResourcePatternResolver());
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
