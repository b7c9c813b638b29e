package dev.confiture.cli;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import dev.confiture.core.migrate.Migrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The command line only translates: flags in, text or JSON out. It may use the facade
 * {@code dev.confiture.core.Confiture}, {@code core.api}, and the records, enums, interfaces
 * and exceptions of core packages; never an engine class such as {@code Migrator},
 * {@code SchemaBuilder} or {@code Planner}.
 */
class CliArchitectureTests {

	static final Set<String> ALLOWED = Set.of("dev.confiture.core.coordinate.CoordinationRegistry",
			"dev.confiture.core.coordinate.CoordinationTexts", "dev.confiture.core.coordinate.CoordinationDocuments");

	/**
	 * Core classes that are neither the facade, nor {@code api}, nor a record, enum,
	 * interface or exception. {@code server} provisions PostgreSQL (shadow and test servers),
	 * {@code CoordinationRegistry} is what {@code Confiture.coordination()} returns, and
	 * {@code CoordinationTexts}/{@code CoordinationDocuments} render its reports for every adapter.
	 */
	static final DescribedPredicate<JavaClass> ENGINE = DescribedPredicate.describe("engine classes of core",
			(type) -> {
				String name = type.getPackageName();
				if (!name.startsWith("dev.confiture.core.") || name.startsWith("dev.confiture.core.api")
						|| name.startsWith("dev.confiture.core.server")) {
					return false;
				}
				return !(type.isRecord() || type.isEnum() || type.isInterface() || type.isAnnotation()
						|| type.isAssignableTo(Throwable.class) || ALLOWED.contains(type.getName()));
			});

	static final ArchRule ONLY_THE_FACADE = noClasses().should()
		.dependOnClassesThat(ENGINE)
		.because("adapters translate; what a command does lives behind dev.confiture.core.Confiture");

	@Test
	void commandsReachCoreOnlyThroughTheFacade() {
		JavaClasses cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages("dev.confiture.cli");
		assertThat(cli).isNotEmpty();
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
