package dev.confiture.core;

import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of {@code confiture-core}: plain Java without Spring or picocli, one package
 * per concern without cycles, and the facade on top of them all.
 */
class CoreArchitectureTests {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("dev.confiture.core");

	@Test
	void coreImportsNeitherSpringNorPicocli() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "picocli..")
			.because("core is the engine every adapter shares; Spring and picocli belong to the adapters")
			.check(CORE);
	}

	@Test
	void packagesOfCoreFormNoCycle() {
		slices().matching("dev.confiture.core.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void theCatalogReadsSchemasWithoutTheBuild() {
		noClasses().that()
			.resideInAPackage("dev.confiture.core.catalog..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.confiture.core.build..")
			.because("reading a catalog is below building a schema: the build turns schema files into scripts "
					+ "(SchemaScripts), the catalog only loads scripts")
			.check(CORE);
	}

	@Test
	void onlyTheFacadeSitsAboveTheConcerns() {
		noClasses().that()
			.resideOutsideOfPackage("dev.confiture.core")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.confiture.core")
			.because("the facade's package depends on every concern, so a concern that depends on it makes a cycle")
			.check(CORE);
	}

	@Test
	void theCopyEngineLogsNothing() {
		noClasses().that()
			.resideInAPackage("dev.confiture.core.sync..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.slf4j..", "java.util.logging..")
			.orShould()
			.dependOnClassesThat()
			.belongToAnyOf(System.Logger.class, System.LoggerFinder.class)
			.because("rows pass through the sync engine: what it reports goes through its results and exceptions,"
					+ " which never carry a value from the data")
			.check(CORE);
	}

	@Test
	void everyPackageIsNullMarked() {
		Set<String> unmarked = new TreeSet<>();
		for (JavaClass type : CORE) {
			String name = type.getPackageName();
			try {
				if (!Class.forName(name + ".package-info").isAnnotationPresent(NullMarked.class)) {
					unmarked.add(name);
				}
			}
			catch (ClassNotFoundException ex) {
				unmarked.add(name);
			}
		}
		assertThat(unmarked).as("packages without a @NullMarked package-info.java").isEmpty();
	}

}
