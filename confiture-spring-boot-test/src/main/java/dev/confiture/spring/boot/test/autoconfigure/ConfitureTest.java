package dev.confiture.spring.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.Refresh;
import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

/**
 * Annotation for a test of database code on a real PostgreSQL database built by
 * Confiture.
 * <p>
 * Only the auto-configuration that such a test needs is applied: {@code DataSource},
 * {@code JdbcClient}, {@code JdbcTemplate}, transactions and Confiture; component
 * scanning skips regular components (controllers, services...). The {@code DataSource}
 * points at a clone of a template database that holds the schema and the seeds, so each
 * test class (or test, see {@link #refresh()}) is isolated from the others.
 * <p>
 * Tests are <strong>not</strong> transactional unless annotated with
 * {@code @Transactional}: with one database per class there is nothing to roll back for
 * isolation.
 *
 * @since 0.1.0
 * @see AutoConfigureConfiture
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(ConfitureTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(ConfitureTypeExcludeFilter.class)
@AutoConfigureJdbc
@AutoConfigureConfiture
@ImportAutoConfiguration
public @interface ConfitureTest {

	/**
	 * Properties in form {@literal key=value} that should be added to the Spring
	 * {@link Environment} before the test runs.
	 * @return the properties to add
	 */
	String[] properties() default {};

	/**
	 * Seed profiles applied to the template after the schema
	 * ({@code db/seeds/<profile>}); profiles without a folder are skipped.
	 * @return the seed profiles
	 */
	@AliasFor(annotation = AutoConfigureConfiture.class)
	String[] seedProfiles() default { "common", "test" };

	/**
	 * When the test database is replaced by a fresh clone.
	 * @return the refresh policy
	 */
	@AliasFor(annotation = AutoConfigureConfiture.class)
	Refresh refresh() default Refresh.AFTER_CLASS;

	/**
	 * What the template database is built from.
	 * @return the template source
	 */
	@AliasFor(annotation = AutoConfigureConfiture.class)
	TemplateSource template() default TemplateSource.SCHEMA;

	/**
	 * The named targets ({@code confiture.targets.<name>}) whose {@code DataSource} bean
	 * is replaced by clones of a template of their own; empty for every target that names
	 * a {@code DataSource} bean.
	 * @return the names of the targets to prepare
	 */
	@AliasFor(annotation = AutoConfigureConfiture.class)
	String[] targets() default {};

	/**
	 * Determines if default filtering should be used with
	 * {@link SpringBootApplication @SpringBootApplication}. By default no beans are
	 * included.
	 * @see #includeFilters()
	 * @see #excludeFilters()
	 * @return if default filters should be used
	 */
	boolean useDefaultFilters() default true;

	/**
	 * A set of include filters which can be used to add otherwise filtered beans to the
	 * application context.
	 * @return include filters to apply
	 */
	ComponentScan.Filter[] includeFilters() default {};

	/**
	 * A set of exclude filters which can be used to filter beans that would otherwise be
	 * added to the application context.
	 * @return exclude filters to apply
	 */
	ComponentScan.Filter[] excludeFilters() default {};

	/**
	 * Auto-configuration exclusions that should be applied for this test.
	 * @return auto-configuration exclusions to apply
	 */
	@AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
	Class<?>[] excludeAutoConfiguration() default {};

}
