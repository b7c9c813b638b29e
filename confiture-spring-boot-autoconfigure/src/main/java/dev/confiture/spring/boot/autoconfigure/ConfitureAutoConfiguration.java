package dev.confiture.spring.boot.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition.ConfigurationPhase;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.migrate.JavaMigration;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Confiture: builds or migrates
 * the application's PostgreSQL database at startup, before JPA, jOOQ or JDBC clients use
 * it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Confiture.class)
@Conditional(ConfitureAutoConfiguration.ConfitureDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "confiture.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConfitureProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(ConfitureRuntimeHints.class)
public final class ConfitureAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConfitureRunState confitureRunState() {
		return new ConfitureRunState();
	}

	@Bean
	@ConditionalOnMissingBean(ConfitureConnectionDetails.class)
	PropertiesConfitureConnectionDetails confitureConnectionDetails(ConfitureProperties properties) {
		return new PropertiesConfitureConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	Confiture confiture(ConfitureProperties properties, ConfitureConnectionDetails connectionDetails,
			ObjectProvider<DataSource> dataSource, @ConfitureDataSource ObjectProvider<DataSource> confitureDataSource,
			ListableBeanFactory beanFactory, ObjectProvider<ConfitureConfigurationCustomizer> customizers,
			ResourceLoader resourceLoader, Environment environment) {
		ConfitureResources resources = new ConfitureResources(
				ResourcePatternUtils.getResourcePatternResolver(resourceLoader));
		dev.confiture.core.config.Environment confitureEnvironment = resources.environment(properties,
				environment.getProperty("spring.application.name", "application"));
		ConfitureSeedProfiles.check(properties, confitureEnvironment, resources);
		List<JavaMigration> beans = ConfitureSetup.javaMigrations(beanFactory, ConfitureTargets.MAIN,
				ConfitureTargets.names(environment));
		Confiture.Configuration configuration = ConfitureSetup.configuration(properties, confitureEnvironment, beans,
				resourceLoader.getClassLoader());
		DataSource qualified = confitureDataSource.getIfAvailable();
		if (qualified != null) {
			configuration.dataSource(qualified);
		}
		else if (StringUtils.hasText(connectionDetails.getJdbcUrl())) {
			configuration.database(ConnectionSettings
				.parse(connectionDetails.getJdbcUrl(), connectionDetails.getUsername(), connectionDetails.getPassword())
				.withTimeouts(properties.timeouts()));
		}
		else {
			DataSource primary = dataSource.getIfUnique();
			if (primary == null) {
				throw new ConfitureException(Category.CONFIG, "Confiture found no DataSource to manage",
						"Define spring.datasource.url, a single DataSource bean, one marked @ConfitureDataSource, "
								+ "or confiture.url");
			}
			configuration.dataSource(StringUtils.hasText(connectionDetails.getUsername())
					? derived(primary, connectionDetails) : primary);
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(configuration));
		return configuration.load();
	}

	@Bean
	@ConditionalOnMissingBean
	ConfitureMigrationInitializer confitureMigrationInitializer(Confiture confiture, ConfitureProperties properties,
			ObjectProvider<ConfitureMigrationStrategy> strategy, ConfitureRunState state,
			ConfitureConnectionDetails connectionDetails, ObjectProvider<JdbcConnectionDetails> jdbcConnectionDetails,
			Environment environment) {
		ConfitureSqlInitCheck.check(environment);
		ConfitureMigrationInitializer initializer = new ConfitureMigrationInitializer(confiture,
				strategy.getIfAvailable(), properties.getMode(), state);
		ConnectionSettings shadow = shadow(properties, connectionDetails, jdbcConnectionDetails.getIfAvailable());
		JdbcConnectionDetails jdbc = jdbcConnectionDetails.getIfAvailable();
		String url = StringUtils.hasText(connectionDetails.getJdbcUrl()) ? connectionDetails.getJdbcUrl()
				: (jdbc != null) ? jdbc.getJdbcUrl() : null;
		ConfitureSetup.configure(initializer, confiture, properties, shadow, StringUtils.hasText(properties.getUrl())
				? "confiture.url"
				: Binder.get(environment).bind("confiture.mode", String.class).isBound() ? "confiture.mode" : null,
				url);
		return initializer;
	}

	/**
	 * Where the drift check builds its shadow database: {@code confiture.shadow-url},
	 * else the server of Confiture's connection, else the server of the application's
	 * {@link JdbcConnectionDetails} ({@code spring.datasource.*} or a service
	 * connection).
	 */
	private static @Nullable ConnectionSettings shadow(ConfitureProperties properties,
			ConfitureConnectionDetails connectionDetails, @Nullable JdbcConnectionDetails jdbc) {
		if (StringUtils.hasText(properties.getShadowUrl())) {
			return ConnectionSettings.parse(properties.getShadowUrl(), null, null).withTimeouts(properties.timeouts());
		}
		if (StringUtils.hasText(connectionDetails.getJdbcUrl())) {
			return ConnectionSettings
				.parse(connectionDetails.getJdbcUrl(), connectionDetails.getUsername(), connectionDetails.getPassword())
				.withTimeouts(properties.timeouts());
		}
		if (jdbc != null && StringUtils.hasText(jdbc.getJdbcUrl())
				&& jdbc.getJdbcUrl().startsWith("jdbc:postgresql:")) {
			return ConnectionSettings.parse(jdbc.getJdbcUrl(), jdbc.getUsername(), jdbc.getPassword());
		}
		return null;
	}

	@Bean
	@ConditionalOnBooleanProperty("confiture.coordination.enabled")
	@ConditionalOnMissingBean
	CoordinationRegistry confitureCoordinationRegistry(ConfitureProperties properties, Confiture confiture) {
		String url = properties.getCoordination().getUrl();
		if (StringUtils.hasText(url)) {
			ConnectionSettings settings = ConnectionSettings.parse(url, null, null);
			return Confiture.coordination(settings, settings.toString());
		}
		return confiture.coordination();
	}

	@Bean
	static ConfitureSchemaManagementProvider confitureSchemaManagementProvider(ObjectProvider<DataSource> dataSource,
			@ConfitureDataSource ObjectProvider<DataSource> confitureDataSource) {
		DataSource qualified = confitureDataSource.getIfAvailable();
		return new ConfitureSchemaManagementProvider((qualified != null) ? qualified : dataSource.getIfUnique());
	}

	private static DataSource derived(DataSource primary, ConfitureConnectionDetails connectionDetails) {
		return DataSourceBuilder.derivedFrom(primary)
			.type(SimpleDriverDataSource.class)
			.username(connectionDetails.getUsername())
			.password(connectionDetails.getPassword())
			.build();
	}

	static final class ConfitureDataSourceCondition extends AnyNestedCondition {

		ConfitureDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnProperty("confiture.url")
		private static final class ConfitureUrlCondition {

		}

		@ConditionalOnBean(ConfitureConnectionDetails.class)
		private static final class ConfitureConnectionDetailsCondition {

		}

	}

}
