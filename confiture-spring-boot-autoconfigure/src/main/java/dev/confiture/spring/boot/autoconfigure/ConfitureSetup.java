package dev.confiture.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.StringUtils;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Environment;
import dev.confiture.core.config.Suggestions;
import dev.confiture.core.migrate.JavaMigration;
import dev.confiture.core.migrate.MigrationTimeouts;
import dev.confiture.core.server.PostgresServers;

/**
 * What the main target ({@code confiture.*}) and each named target
 * ({@code confiture.targets.<name>.*}) share: how their properties configure a
 * {@link Confiture} instance and its {@link ConfitureMigrationInitializer}, so that a
 * named target takes the same properties as the top level.
 */
final class ConfitureSetup {

	private ConfitureSetup() {
	}

	/**
	 * The configuration of a target's {@link Confiture} instance, its database not set
	 * yet.
	 * @param properties the target's properties
	 * @param environment its Confiture environment
	 * @param javaMigrations its Java migration beans
	 * @param classLoader where its Java migration packages are scanned
	 * @return the configuration
	 */
	static Confiture.Configuration configuration(ConfitureProperties properties, Environment environment,
			List<JavaMigration> javaMigrations, ClassLoader classLoader) {
		return Confiture.configure()
			.environment(environment)
			.lockWait(properties.getLockWait())
			.checksumPolicy(properties.getOnChecksumMismatch())
			.javaMigrations(javaMigrations)
			.javaMigrationPackages(properties.getJavaMigrationsPackage())
			.classLoader(classLoader)
			.timeouts(MigrationTimeouts.defaults()
				.withLockTimeout(properties.getLockTimeout())
				.withStatementTimeout(properties.getStatementTimeout())
				.withLockRetries(properties.getLockRetries()));
	}

	/**
	 * Sets what a target's properties ask of its initializer besides its mode: lint,
	 * drift check, baseline proof, what to do on another database, first start and
	 * connect retries.
	 * @param initializer the initializer
	 * @param confiture the target's Confiture instance
	 * @param properties the target's properties
	 * @param shadow where the drift check and a measured lint create throw-away
	 * databases, or {@code null}
	 * @param explicitSetting the property that says Confiture is expected to run on this
	 * database, or {@code null}
	 * @param url the database's URL for messages, or {@code null}
	 */
	static void configure(ConfitureMigrationInitializer initializer, Confiture confiture,
			ConfitureProperties properties, ConnectionSettings shadow, String explicitSetting, String url) {
		boolean measure = properties.getLint().isMeasure();
		initializer.setLint(properties.getLint().getMode(), measure, (measure && shadow != null)
				? PostgresServers.existing(shadow, "the shadow-url or the managed database's server") : null);
		if (properties.isCheckDrift()) {
			initializer.setVerification(new ConfitureStartupVerification(confiture, shadow));
		}
		initializer.setProveBaseline(properties.isProveBaseline());
		initializer.setDatabaseSupport(
				new ConfitureDatabaseSupport(confiture, properties.getOnUnsupportedDatabase(), explicitSetting));
		initializer.setBaselineOnFirstStart(properties.isBaselineOnFirstStart());
		if (properties.getConnectRetries() > 0) {
			initializer.setConnectRetries(
					new ConfitureConnectRetries(properties.getConnectRetries(), properties.getConnectRetriesInterval(),
							StringUtils.hasText(url) ? url : confiture.databaseDescription()));
		}
	}

	/**
	 * The Java migration beans of one target: those marked {@link ConfitureTarget} with
	 * its name, or, for the main target, those not marked for another one. (Their
	 * versions order them.)
	 * @param beanFactory the bean factory
	 * @param target the target's name
	 * @param targets the names of the named targets
	 * @return the beans
	 * @throws ConfitureException when a bean is marked for a target that does not exist
	 */
	static List<JavaMigration> javaMigrations(ListableBeanFactory beanFactory, String target,
			Collection<String> targets) {
		List<JavaMigration> migrations = new ArrayList<>();
		for (String name : beanFactory.getBeanNamesForType(JavaMigration.class, true, false)) {
			ConfitureTarget marked = beanFactory.findAnnotationOnBean(name, ConfitureTarget.class);
			String owner = (marked != null) ? marked.value() : ConfitureTargets.MAIN;
			if (!owner.equals(ConfitureTargets.MAIN) && !targets.contains(owner)) {
				String closest = Suggestions.closest(owner, targets);
				throw new ConfitureException(Category.CONFIG,
						"Java migration bean '" + name + "' is marked @ConfitureTarget(\"" + owner
								+ "\"), but there is no such target"
								+ ((closest != null) ? " (did you mean '" + closest + "'?)" : "") + "; targets: main"
								+ (targets.isEmpty() ? "" : ", " + String.join(", ", targets)),
						"Name a confiture.targets.<name> entry in @ConfitureTarget, or remove it to give the bean "
								+ "to the main target");
			}
			if (owner.equals(target)) {
				migrations.add(beanFactory.getBean(name, JavaMigration.class));
			}
		}
		return migrations;
	}

}
