package dev.confiture.core;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule every adapter (command line, starter, test slice, Maven plugin) is checked
 * against: it translates, and reaches core only through the facade
 * {@code dev.confiture.core.Confiture}, {@code core.api}, {@code core.server} and the
 * records, enums, interfaces and exceptions of core packages, never an engine class such
 * as {@code Migrator}, {@code SchemaBuilder} or {@code Planner}.
 */
public final class AdapterArchitecture {

	private AdapterArchitecture() {
	}

	/**
	 * Core classes that are neither the facade, nor {@code api}, nor {@code server} (it
	 * provisions PostgreSQL: shadow and test servers), nor a record, enum, interface,
	 * annotation or exception, nor one of the allowed classes.
	 * @param allowed classes an adapter may use although they are classes (e.g.
	 * {@code CoordinationRegistry}, which {@code Confiture.coordination()} returns)
	 * @return the predicate
	 */
	public static DescribedPredicate<JavaClass> engineClasses(Set<String> allowed) {
		return DescribedPredicate.describe("engine classes of core", (type) -> {
			String name = type.getPackageName();
			if (!name.startsWith("dev.confiture.core.") || name.startsWith("dev.confiture.core.api")
					|| name.startsWith("dev.confiture.core.server")) {
				return false;
			}
			return !(type.isRecord() || type.isEnum() || type.isInterface() || type.isAnnotation()
					|| type.isAssignableTo(Throwable.class) || allowed.contains(type.getName()));
		});
	}

	/**
	 * No class depends on an engine class of core.
	 * @param allowed classes allowed although they are classes
	 * @param because why, in the adapter's words
	 * @return the rule
	 */
	public static ArchRule onlyTheFacade(Set<String> allowed, String because) {
		return noClasses().should().dependOnClassesThat(engineClasses(allowed)).because(because);
	}

	/**
	 * The main classes of an adapter's packages, which must not be empty (a wrong package
	 * name would make every rule pass).
	 * @param packages the packages
	 * @return the classes
	 */
	public static JavaClasses mainClasses(String... packages) {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(packages);
		assertThat(classes).isNotEmpty();
		return classes;
	}

}
