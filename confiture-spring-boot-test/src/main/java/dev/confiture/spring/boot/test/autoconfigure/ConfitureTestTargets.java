package dev.confiture.spring.boot.test.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StringUtils;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties;
import dev.confiture.spring.boot.autoconfigure.ConfitureResources;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargetProperties;

/**
 * Gives each named target ({@code confiture.targets.<name>}) of a test its own test
 * database: the {@code DataSource} bean the target names is replaced by a
 * {@link ConfitureTestDataSource} on clones of a template built from the target's files,
 * one template per target.
 */
class ConfitureTestTargets implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, Ordered {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)
				|| !beanFactory.containsSingleton(ConfitureTestSettings.BEAN_NAME)) {
			return;
		}
		ConfitureTestSettings settings = beanFactory.getBean(ConfitureTestSettings.class);
		selected(this.environment, settings).forEach((name, target) -> {
			String bean = target.getDataSource().strip();
			if (!registry.containsBeanDefinition(bean)) {
				return; // the starter reports a data-source that names no bean
			}
			BeanDefinition replaced = registry.getBeanDefinition(bean);
			RootBeanDefinition definition = new RootBeanDefinition(ConfitureTestDataSource.class);
			definition.setInstanceSupplier(() -> dataSource(name, target, settings, beanFactory));
			definition.setPrimary(replaced.isPrimary());
			registry.removeBeanDefinition(bean);
			registry.registerBeanDefinition(bean, definition);
		});
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
	}

	/**
	 * The targets a test prepares: those named by the settings, else every target that
	 * names a {@code DataSource} bean.
	 * @param environment the environment holding {@code confiture.targets.*}
	 * @param settings the test's settings
	 * @return the targets by name
	 * @throws ConfitureException when the settings name an unknown target or one reached
	 * by URL
	 */
	static Map<String, ConfitureTargetProperties> selected(Environment environment, ConfitureTestSettings settings) {
		Map<String, ConfitureTargetProperties> targets = new TreeMap<>(Binder.get(environment)
			.bind("confiture.targets", Bindable.mapOf(String.class, ConfitureTargetProperties.class))
			.orElse(Map.of()));
		Map<String, ConfitureTargetProperties> selected = new LinkedHashMap<>();
		if (settings.targets().isEmpty()) {
			targets.forEach((name, target) -> {
				if (StringUtils.hasText(target.getDataSource())) {
					selected.put(name, target);
				}
			});
			return selected;
		}
		for (String name : settings.targets()) {
			ConfitureTargetProperties target = targets.get(name);
			if (target == null) {
				throw new ConfitureException(Category.CONFIG,
						"@ConfitureTest(targets) names an unknown Confiture target '" + name + "'; targets: "
								+ (targets.isEmpty() ? "none" : String.join(", ", targets.keySet())),
						"Name targets of confiture.targets.<name> in the test's properties");
			}
			if (!StringUtils.hasText(target.getDataSource())) {
				throw new ConfitureException(Category.CONFIG, "@ConfitureTest(targets) names Confiture target '" + name
						+ "', which is reached by url, not by a DataSource bean; only DataSource targets get test databases",
						"Set confiture.targets." + name
								+ ".data-source in the test, or leave the target out of targets");
			}
			selected.put(name, target);
		}
		return selected;
	}

	private static ConfitureTestDataSource dataSource(String name, ConfitureTargetProperties target,
			ConfitureTestSettings settings, BeanFactory beanFactory) {
		ClassLoader classLoader = (beanFactory instanceof ConfigurableListableBeanFactory configurable)
				? configurable.getBeanClassLoader() : ConfitureTestTargets.class.getClassLoader();
		ConfitureResources resources = new ConfitureResources(new PathMatchingResourcePatternResolver(classLoader));
		ConfitureProperties copy = new ConfitureProperties();
		copy.setSchemaLocations(target.getSchemaLocations());
		copy.setSeedLocations(target.getSeedLocations());
		copy.setSeedProfiles(settings.seedProfiles());
		copy.setMigrationLocations(target.getMigrationLocations());
		copy.setTrackingTable(target.getTrackingTable());
		TemplateDefinition definition = new TemplateDefinition(resources.environment(copy, "test-" + name),
				settings.template(), List.copyOf(target.getJavaMigrationsPackage()), classLoader,
				target.isProveBaseline());
		return new ConfitureTestDataSource(TemplateDatabases.on(ConfitureTestDatabaseAutoConfiguration
			.server(beanFactory.getBeanProvider(ConfitureServerConnectionDetails.class))), definition);
	}

}
