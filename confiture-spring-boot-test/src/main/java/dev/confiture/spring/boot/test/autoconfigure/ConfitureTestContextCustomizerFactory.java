package dev.confiture.spring.boot.test.autoconfigure;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * {@link ContextCustomizerFactory} for tests annotated with
 * {@link AutoConfigureConfiture @AutoConfigureConfiture} (or
 * {@link ConfitureTest @ConfitureTest}).
 */
class ConfitureTestContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureConfiture annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureConfiture.class);
		if (annotation == null) {
			return null;
		}
		return new ConfitureTestContextCustomizer(new ConfitureTestSettings(List.of(annotation.seedProfiles()),
				annotation.template(), List.of(annotation.targets())));
	}

}
