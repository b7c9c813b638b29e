package dev.confiture.spring.boot.test.autoconfigure;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * {@link TypeExcludeFilter} for {@link ConfitureTest @ConfitureTest}.
 */
final class ConfitureTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<ConfitureTest> {

	ConfitureTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

}
