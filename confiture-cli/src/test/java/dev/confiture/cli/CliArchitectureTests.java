package dev.confiture.cli;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import dev.confiture.core.AdapterArchitecture;
import dev.confiture.core.migrate.Migrator;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The command line only translates: flags in, text or JSON out. It may use the facade
 * {@code dev.confiture.core.Confiture}, {@code core.api}, and the records, enums,
 * interfaces and exceptions of core packages; never an engine class such as
 * {@code Migrator}, {@code SchemaBuilder} or {@code Planner}.
 */
class CliArchitectureTests {

	static final Set<String> ALLOWED = Set.of("dev.confiture.core.coordinate.CoordinationRegistry",
			"dev.confiture.core.coordinate.CoordinationTexts", "dev.confiture.core.coordinate.CoordinationDocuments");

	static final ArchRule ONLY_THE_FACADE = AdapterArchitecture.onlyTheFacade(ALLOWED,
			"adapters translate; what a command does lives behind dev.confiture.core.Confiture");

	@Test
	void commandsReachCoreOnlyThroughTheFacade() {
		JavaClasses cli = AdapterArchitecture.mainClasses("dev.confiture.cli");
		ONLY_THE_FACADE.check(cli);
	}

	@Test
	void aCommandThatReachesAnEngineClassFails() {
		JavaClasses offender = new ClassFileImporter().importClasses(ReachesPastTheFacade.class);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> ONLY_THE_FACADE.check(offender))
			.withMessageContaining(Migrator.class.getName());
	}

	static final class ReachesPastTheFacade {

		Object migrator() {
			return Migrator.builder().build();
		}

	}

}
