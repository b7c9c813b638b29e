package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.testapp.TestApplication;
import dev.confiture.spring.boot.testapp.TestApplication.StartupReads;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confiture runs before JPA (with {@code ddl-auto=validate}) and jOOQ, which read the
 * schema while they start.
 */
class ConfitureStartupOrderingTests {

	private ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void jpaWithValidateAndJooqSeeTheSchemaDuringTheirOwnStartup() {
		try (ConfigurableApplicationContext context = application("--confiture.seed-profiles=common")) {
			assertThat(context.getBean(StartupReads.class)).isEqualTo(new StartupReads(1, 0));
			assertThat(context.getBeanFactory().getBeanDefinition("entityManagerFactory").getDependsOn())
				.contains("confitureMigrationInitializer", "confiture");
			assertThat(context.getBeanFactory().getBeanDefinition("dslContext").getDependsOn())
				.contains("confitureMigrationInitializer", "confiture");
		}
	}

	@Test
	void separateDdlUserOwnsTheSchemaWhileTheApplicationUsesItsOwnUser() throws Exception {
		String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		String ddlUser = "ddl_" + suffix;
		String appUser = "app_" + suffix;
		try (Connection admin = this.database.connect(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE ROLE " + ddlUser + " LOGIN PASSWORD 'ddl-secret'");
			statement.execute("CREATE ROLE " + appUser + " LOGIN PASSWORD 'app-secret'");
			statement.execute("GRANT CREATE, USAGE ON SCHEMA public TO " + ddlUser);
			statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + ddlUser
					+ " IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + appUser);
		}
		try (ConfigurableApplicationContext context = application("--spring.datasource.username=" + appUser,
				"--spring.datasource.password=app-secret", "--confiture.url=" + this.database.settings().jdbcUrl(),
				"--confiture.user=" + ddlUser, "--confiture.password=ddl-secret")) {
			assertThat(context.getBean(StartupReads.class).books()).isZero();
			try (Connection connection = this.database.connect();
					Statement statement = connection.createStatement();
					ResultSet owner = statement
						.executeQuery("SELECT tableowner FROM pg_tables WHERE tablename = 'book'")) {
				owner.next();
				assertThat(owner.getString(1)).isEqualTo(ddlUser);
			}
		}
		finally {
			try (Connection admin = this.database.connect(); Statement statement = admin.createStatement()) {
				statement.execute("DROP OWNED BY " + ddlUser);
				statement.execute("DROP OWNED BY " + appUser);
				statement.execute("DROP ROLE " + ddlUser);
				statement.execute("DROP ROLE " + appUser);
			}
		}
	}

	private ConfigurableApplicationContext application(String... args) {
		String[] defaults = { "--spring.datasource.url=" + this.database.settings().jdbcUrl(),
				"--spring.datasource.username=" + this.database.settings().user(),
				"--spring.jpa.hibernate.ddl-auto=validate", "--spring.jpa.open-in-view=false",
				"--spring.main.banner-mode=off" };
		java.util.Map<String, String> arguments = new java.util.LinkedHashMap<>();
		for (String argument : defaults) {
			arguments.put(argument.substring(0, argument.indexOf('=')), argument);
		}
		for (String argument : args) {
			arguments.put(argument.substring(0, argument.indexOf('=')), argument);
		}
		return new SpringApplicationBuilder(TestApplication.class).web(WebApplicationType.NONE)
			.run(arguments.values().toArray(String[]::new));
	}

}
