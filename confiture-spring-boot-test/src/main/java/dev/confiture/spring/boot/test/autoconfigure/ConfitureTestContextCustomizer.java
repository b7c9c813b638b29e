package dev.confiture.spring.boot.test.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * {@link ContextCustomizer} that registers the {@link ConfitureTestSettings} of a test
 * and the properties that go with a cloned database: Confiture does not build the clone
 * again ({@code confiture.mode=migrate}, which finds nothing pending, unless {@code none}
 * or {@code validate} was chosen), the seed profiles are the test's, and
 * {@code @AutoConfigureTestDatabase} does not replace the {@code DataSource}.
 */
class ConfitureTestContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "confitureTestDatabase";

	private final ConfitureTestSettings settings;

	ConfitureTestContextCustomizer(ConfitureTestSettings settings) {
		this.settings = settings;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		context.getBeanFactory().registerSingleton(ConfitureTestSettings.BEAN_NAME, this.settings);
		// Added when the context refreshes, after every other customizer, so that it
		// comes first
		context.addBeanFactoryPostProcessor(new PropertiesPostProcessor(context.getEnvironment(), this.settings));
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof ConfitureTestContextCustomizer other) && this.settings.equals(other.settings);
	}

	@Override
	public int hashCode() {
		return this.settings.hashCode();
	}

	private record PropertiesPostProcessor(ConfigurableEnvironment environment,
			ConfitureTestSettings settings) implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("spring.test.database.replace", "none");
			properties.put("confiture.seed-profiles", String.join(",", this.settings.seedProfiles()));
			String mode = this.environment.getProperty("confiture.mode", "auto").trim().toLowerCase(Locale.ROOT);
			properties.put("confiture.mode", (mode.equals("none") || mode.equals("validate")) ? mode : "migrate");
			for (String target : ConfitureTestTargets.selected(this.environment, this.settings).keySet()) {
				String prefix = "confiture.targets." + target + ".";
				String targetMode = this.environment.getProperty(prefix + "mode", "auto")
					.trim()
					.toLowerCase(Locale.ROOT);
				properties.put(prefix + "mode",
						(targetMode.equals("none") || targetMode.equals("validate")) ? targetMode : "migrate");
				properties.put(prefix + "seed-profiles", String.join(",", this.settings.seedProfiles()));
			}
			this.environment.getPropertySources().remove(PROPERTY_SOURCE_NAME);
			this.environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		}

	}

}
