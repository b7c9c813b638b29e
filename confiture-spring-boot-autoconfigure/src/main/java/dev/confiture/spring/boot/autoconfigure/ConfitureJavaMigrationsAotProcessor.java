package dev.confiture.spring.boot.autoconfigure;

import java.util.List;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.confiture.core.Confiture;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationKind;

/**
 * Registers reflection hints for the {@code JavaMigration} classes found in
 * {@code confiture.java-migrations-package} at build time, because a native image cannot
 * scan packages and creates them through their no-argument constructor.
 */
class ConfitureJavaMigrationsAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		List<String> classNames = javaMigrationClasses(beanFactory);
		if (classNames.isEmpty()) {
			return null;
		}
		return (context,
				code) -> classNames.forEach((className) -> context.getRuntimeHints()
					.reflection()
					.registerType(TypeReference.of(className), MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS));
	}

	static List<String> javaMigrationClasses(ConfigurableListableBeanFactory beanFactory) {
		if (!beanFactory.containsBean("environment")) {
			return List.of();
		}
		Environment environment = beanFactory.getBean(Environment.class);
		List<String> packages = new java.util.ArrayList<>(Binder.get(environment)
			.bind("confiture.java-migrations-package", Bindable.listOf(String.class))
			.orElse(List.of()));
		Binder.get(environment)
			.bind("confiture.targets", Bindable.mapOf(String.class, ConfitureTargetProperties.class))
			.orElse(java.util.Map.of())
			.values()
			.forEach((target) -> packages.addAll(target.getJavaMigrationsPackage()));
		if (packages.isEmpty()) {
			return List.of();
		}
		return Confiture.javaMigrations(packages.stream().distinct().toList(), beanFactory.getBeanClassLoader())
			.stream()
			.filter((migration) -> migration.kind() == MigrationKind.JAVA)
			.map(MigrationInfo::location)
			.toList();
	}

}
