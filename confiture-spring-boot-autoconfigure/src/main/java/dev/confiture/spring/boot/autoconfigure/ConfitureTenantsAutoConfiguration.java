package dev.confiture.spring.boot.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.TenantSettings;
import dev.confiture.core.tenant.FleetAction;
import dev.confiture.core.tenant.FleetOptions;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for tenant fleets
 * ({@code confiture.tenants.*}): a {@link ConfitureTenants} bean, and every tenant
 * migrated at startup unless turned off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = ConfitureAutoConfiguration.class)
@ConditionalOnBean(Confiture.class)
@Conditional(OnConfitureTenantsCondition.class)
public final class ConfitureTenantsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConfitureTenants confitureTenants(Confiture confiture, ConfitureProperties main, ListableBeanFactory beanFactory,
			ResourceLoader resourceLoader, Environment environment) {
		ConfitureTenantsProperties properties = main.getTenants();
		checkBound("confiture.tenants.parallel", properties.getParallel());
		checkBound("confiture.tenants.max-per-server", properties.getMaxPerServer());
		Confiture withTenants = ConfitureSetup
			.configuration(main, confiture.environment(),
					ConfitureSetup.javaMigrations(beanFactory, ConfitureTargets.MAIN,
							ConfitureTargets.names(environment)),
					resourceLoader.getClassLoader())
			.dataSource(dataSource(confiture))
			.tenants(settings(properties))
			.load();
		FleetOptions options = FleetOptions.of(FleetAction.MIGRATE)
			.withParallel(properties.getParallel(), properties.getMaxPerServer())
			.withFailFast(properties.isFailFast())
			.withLockWait(main.getLockWait())
			.withChecksumPolicy(main.getOnChecksumMismatch());
		return new ConfitureTenants(withTenants, options);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "confiture.tenants.migrate-on-startup", matchIfMissing = true)
	ConfitureTenantsInitializer confitureTenantsInitializer(ConfitureTenants tenants, ConfitureProperties main,
			ObjectProvider<ConfitureMigrationInitializer> mainInitializer) {
		mainInitializer.ifAvailable((initializer) -> {
		});
		return new ConfitureTenantsInitializer(tenants, main.getTenants().isFailOnError());
	}

	private static javax.sql.DataSource dataSource(Confiture confiture) {
		return new org.springframework.jdbc.datasource.AbstractDataSource() {

			@Override
			public java.sql.Connection getConnection() throws java.sql.SQLException {
				return confiture.connectionSource().open();
			}

			@Override
			public java.sql.Connection getConnection(String username, String password) {
				throw new UnsupportedOperationException();
			}

		};
	}

	private static void checkBound(String property, int value) {
		if (value < 1 || value > FleetOptions.MAX_PARALLEL) {
			throw new ConfitureException(Category.CONFIG,
					property + " must be from 1 to " + FleetOptions.MAX_PARALLEL + ", not " + value
							+ "; no tenant was touched",
					"Set " + property + " to the number of tenants to handle at once, such as 4");
		}
	}

	static TenantSettings settings(ConfitureTenantsProperties properties) {
		boolean schemas = properties.getSchemas().isSet();
		if (schemas == properties.getDatabases().isSet()) {
			throw new ConfitureException(Category.CONFIG,
					"Set exactly one of confiture.tenants.schemas.* or confiture.tenants.databases.*",
					"Use confiture.tenants.schemas.like=tenant_% for a schema per tenant, or "
							+ "confiture.tenants.databases.query=SELECT jdbc_url FROM registry.tenants");
		}
		ConfitureTenantsProperties.Source source = schemas ? properties.getSchemas() : properties.getDatabases();
		String prefix = "confiture.tenants." + (schemas ? "schemas" : "databases");
		int set = ((source.getLike() != null) ? 1 : 0) + (source.getList().isEmpty() ? 0 : 1)
				+ ((source.getQuery() != null) ? 1 : 0);
		if (set != 1 || (!schemas && source.getLike() != null)) {
			throw new ConfitureException(Category.CONFIG,
					"Set exactly one of " + prefix + ".like, .list or .query"
							+ (schemas ? "" : " (databases take list or query)"),
					"Keep one way of listing the tenants");
		}
		TenantSettings.Kind kind = schemas ? TenantSettings.Kind.SCHEMAS : TenantSettings.Kind.DATABASES;
		if (source.getLike() != null) {
			return new TenantSettings(kind, TenantSettings.Source.LIKE, List.of(source.getLike()), prefix + ".like");
		}
		if (source.getQuery() != null) {
			return new TenantSettings(kind, TenantSettings.Source.QUERY, List.of(source.getQuery()), prefix + ".query");
		}
		return new TenantSettings(kind, TenantSettings.Source.LIST, source.getList(), prefix + ".list");
	}

}
