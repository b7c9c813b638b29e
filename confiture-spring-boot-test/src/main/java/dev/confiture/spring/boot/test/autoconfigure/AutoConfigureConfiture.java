package dev.confiture.spring.boot.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * {@link ImportAutoConfiguration Auto-configuration imports} that give a test its own
 * PostgreSQL database, cloned from a template built once from the Confiture schema files
 * (or migrations) and seeds. Add it to {@code @SpringBootTest}, {@code @DataJpaTest} or
 * {@code @JooqTest}; {@link ConfitureTest @ConfitureTest} already has it.
 * <p>
 * The test's {@code DataSource} is replaced (also the one
 * {@code @AutoConfigureTestDatabase} would put in place) and Confiture only checks that
 * nothing is pending on the clone.
 *
 * @since 0.1.0
 * @see ConfitureTest
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureConfiture {

	/**
	 * Seed profiles applied to the template after the schema, each a sub-folder of the
	 * seed locations ({@code db/seeds/<profile>}). Profiles without a folder are skipped.
	 * Replaces {@code confiture.seed-profiles} in tests.
	 * @return the seed profiles
	 */
	String[] seedProfiles() default { "common", "test" };

	/**
	 * When the test database is replaced by a fresh clone.
	 * @return the refresh policy
	 */
	Refresh refresh() default Refresh.AFTER_CLASS;

	/**
	 * What the template database is built from.
	 * @return the template source
	 */
	TemplateSource template() default TemplateSource.SCHEMA;

	/**
	 * The named targets ({@code confiture.targets.<name>}) whose {@code DataSource} bean
	 * is replaced by clones of a template of their own, built from the target's files.
	 * Empty (the default) for every target that names a {@code DataSource} bean
	 * ({@code data-source}); a target reached by {@code url} is left as configured.
	 * @return the names of the targets to prepare
	 */
	String[] targets() default {};

	/**
	 * When a test gets a fresh database.
	 */
	enum Refresh {

		/**
		 * Each test class gets its own clone, dropped when the class has finished.
		 */
		AFTER_CLASS,

		/**
		 * Each test method gets its own clone, dropped after the method.
		 */
		AFTER_EACH_TEST,

		/**
		 * The test class uses the database of its application context, shared with the
		 * other classes that use the same context and {@code NEVER}, dropped with the
		 * context.
		 */
		NEVER

	}

	/**
	 * What the template database is built from.
	 */
	enum TemplateSource {

		/**
		 * The schema files, then the seeds; the migrations are recorded as applied.
		 */
		SCHEMA,

		/**
		 * Every migration replayed from an empty database, then the seeds.
		 */
		MIGRATIONS

	}

}
