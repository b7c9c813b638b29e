package dev.confiture.spring.boot.autoconfigure;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import dev.confiture.core.AdapterArchitecture;
import dev.confiture.core.build.SchemaBuilder;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring code in the starter only translates: properties in, beans and actuator data out.
 * It may use the facade {@code dev.confiture.core.Confiture}, {@code core.api}, and the
 * records, enums, interfaces and exceptions of core packages; never an engine class such
 * as {@code Migrator}, {@code SchemaBuilder} or {@code Planner}.
 */
class StarterArchitectureTests {

	/**
	 * What is allowed although it is a class: {@code CoordinationRegistry} is what
	 * {@code Confiture.coordination()} returns; {@code Suggestions} is the one
	 * did-you-mean helper (unknown properties, targets and seed profiles, as core's
	 * unknown keys). Resources are read in place through the interfaces of
	 * {@code core.resource}: no temporary directory.
	 */
	static final Set<String> ALLOWED = Set.of("dev.confiture.core.coordinate.CoordinationRegistry",
			"dev.confiture.core.config.Suggestions");

	static final ArchRule ONLY_THE_FACADE = AdapterArchitecture.onlyTheFacade(ALLOWED,
			"adapters translate; what Confiture does lives behind dev.confiture.core.Confiture");

	@Test
	void springCodeReachesCoreOnlyThroughTheFacade() {
		JavaClasses classes = AdapterArchitecture.mainClasses("dev.confiture.spring.boot");
		ONLY_THE_FACADE.check(classes);
	}

	@Test
	void codeThatReachesAnEngineClassFails() {
		JavaClasses offender = new ClassFileImporter().importClasses(ReachesPastTheFacade.class);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> ONLY_THE_FACADE.check(offender))
			.withMessageContaining(SchemaBuilder.class.getName());
	}

	static final class ReachesPastTheFacade {

		Object builder() {
			return new SchemaBuilder(null, null);
		}

	}

}
