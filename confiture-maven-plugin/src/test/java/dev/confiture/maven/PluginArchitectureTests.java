package dev.confiture.maven;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The goals only translate, as the command line does: parameters in, log lines and JSON out.
 * They reach core through the facade (and the coordination registry it hands out),
 * {@code core.api}, {@code core.server} and the records, enums, interfaces and exceptions of
 * core packages, never an engine class.
 */
class PluginArchitectureTests {

	/** Classes the facade hands out (Confiture.coordination()) and the renderers of their reports. */
	static final Set<String> FACADE_TYPES = Set.of(
			"dev.confiture.core.coordinate.CoordinationRegistry", "dev.confiture.core.coordinate.CoordinationTexts",
			"dev.confiture.core.coordinate.CoordinationDocuments");

	static final DescribedPredicate<JavaClass> ENGINE = DescribedPredicate.describe("engine classes of core",
			(type) -> {
				String name = type.getPackageName();
				if (!name.startsWith("dev.confiture.core.") || name.startsWith("dev.confiture.core.api")
						|| name.startsWith("dev.confiture.core.server") || FACADE_TYPES.contains(type.getName())) {
					return false;
				}
				return !(type.isRecord() || type.isEnum() || type.isInterface() || type.isAnnotation()
						|| type.isAssignableTo(Throwable.class));
			});

	static final ArchRule ONLY_THE_FACADE = noClasses().should()
		.dependOnClassesThat(ENGINE)
		.because("goals translate; what a goal does lives behind dev.confiture.core.Confiture");

	static final ArchRule ONLY_THE_MAVEN_LOG = noClasses().should()
		.accessField(System.class, "out")
		.orShould()
		.accessField(System.class, "err")
		.because("goals write through the Maven log");

	@Test
	void goalsReachCoreOnlyThroughTheFacade() {
		ONLY_THE_FACADE.check(plugin());
	}

	@Test
	void goalsNeverPrintToStandardOutput() {
		ONLY_THE_MAVEN_LOG.check(plugin());
	}

	private static JavaClasses plugin() {
		JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages("dev.confiture.maven");
		assertThat(plugin).isNotEmpty();
		return plugin;
	}

}
