package dev.confiture.spring.boot.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;
import org.springframework.test.context.TestContextBootstrapper;

/**
 * {@link TestContextBootstrapper} for {@link ConfitureTest @ConfitureTest}.
 */
class ConfitureTestContextBootstrapper extends TestSliceTestContextBootstrapper<ConfitureTest> {

}
