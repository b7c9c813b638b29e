package dev.confiture.maven;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import dev.confiture.core.AdapterArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The goals only translate, as the command line does: parameters in, log lines and JSON
 * out. They reach core through the facade (and the coordination registry it hands out),
 * {@code core.api}, {@code core.server} and the records, enums, interfaces and exceptions
 * of core packages, never an engine class.
 */
class PluginArchitectureTests {

	/**
	 * Classes the facade hands out (Confiture.coordination()) and the renderers of their
	 * reports.
	 */
	static final Set<String> FACADE_TYPES = Set.of("dev.confiture.core.coordinate.CoordinationRegistry",
			"dev.confiture.core.coordinate.CoordinationTexts", "dev.confiture.core.coordinate.CoordinationDocuments");

	static final ArchRule ONLY_THE_FACADE = AdapterArchitecture.onlyTheFacade(FACADE_TYPES,
			"goals translate; what a goal does lives behind dev.confiture.core.Confiture");

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
		return AdapterArchitecture.mainClasses("dev.confiture.maven");
	}

}
