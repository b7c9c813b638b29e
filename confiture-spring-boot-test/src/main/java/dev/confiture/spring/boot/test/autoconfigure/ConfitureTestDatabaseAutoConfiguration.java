package dev.confiture.spring.boot.test.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Environment;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.spring.boot.autoconfigure.ConfitureConfigurationCustomizer;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties;
import dev.confiture.spring.boot.autoconfigure.ConfitureResources;
import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the test database: a
 * {@link ConfitureTestDataSource} on clones of a template database built from the
 * Confiture files, and Confiture pointed at it; the same, with a template of its own, for
 * each named target ({@code confiture.targets.<name>}) that names a {@code DataSource}
 * bean. Imported by {@link AutoConfigureConfiture @AutoConfigureConfiture}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Confiture.class)
@ConditionalOnBooleanProperty(name = "confiture.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConfitureProperties.class)
public final class ConfitureTestDatabaseAutoConfiguration {

	@Bean
	@Primary
	ConfitureTestDataSource confitureTestDataSource(ConfitureProperties properties,
			ObjectProvider<ConfitureTestSettings> settings,
			ObjectProvider<ConfitureServerConnectionDetails> serverConnectionDetails, ResourceLoader resourceLoader) {
		ConfitureTestSettings testSettings = settings
			.getIfAvailable(() -> new ConfitureTestSettings(properties.getSeedProfiles(), TemplateSource.SCHEMA));
		ConfitureResources resources = new ConfitureResources(
				ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
		ConfitureProperties templateProperties = copy(properties, testSettings.seedProfiles());
		Environment environment = resources.environment(templateProperties, "test");
		TemplateDefinition definition = new TemplateDefinition(environment, testSettings.template(),
				properties.getJavaMigrationsPackage(), resourceLoader.getClassLoader(), properties.isProveBaseline());
		return new ConfitureTestDataSource(TemplateDatabases.on(server(serverConnectionDetails)), definition);
	}

	@Bean
	static ConfitureTestTargets confitureTestTargets() {
		return new ConfitureTestTargets();
	}

	@Bean
	ConfitureConfigurationCustomizer confitureTestDatabaseConfigurationCustomizer(ConfitureTestDataSource dataSource) {
		return new TestDatabaseConfigurationCustomizer(dataSource);
	}

	static PostgresServer server(ObjectProvider<ConfitureServerConnectionDetails> connectionDetails) {
		ConfitureServerConnectionDetails details = connectionDetails.getIfAvailable();
		if (details == null) {
			return PostgresServers.shared();
		}
		return PostgresServers.existing(
				ConnectionSettings.parse(details.getJdbcUrl(), details.getUsername(), details.getPassword()),
				"ConfitureServerConnectionDetails");
	}

	private static ConfitureProperties copy(ConfitureProperties properties, List<String> seedProfiles) {
		ConfitureProperties copy = new ConfitureProperties();
		copy.setSchemaLocations(properties.getSchemaLocations());
		copy.setSeedLocations(properties.getSeedLocations());
		copy.setSeedProfiles(seedProfiles);
		copy.setMigrationLocations(properties.getMigrationLocations());
		copy.setTrackingTable(properties.getTrackingTable());
		return copy;
	}

	/**
	 * Points Confiture at the test database whatever the application configures
	 * ({@code confiture.url}, {@code @ConfitureDataSource}); runs after the other
	 * customizers.
	 */
	private record TestDatabaseConfigurationCustomizer(
			ConfitureTestDataSource dataSource) implements ConfitureConfigurationCustomizer, Ordered {

		@Override
		public void customize(Confiture.Configuration configuration) {
			configuration.dataSource(this.dataSource);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
