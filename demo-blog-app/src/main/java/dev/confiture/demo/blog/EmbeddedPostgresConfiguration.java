package dev.confiture.demo.blog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.EmbeddedPostgresServer;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is set, keeping its
 * data between runs, and creates the {@code blog} database on first start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(
			@Value("${demo.embedded.data-directory:target/embedded-postgres}") Path dataDirectory,
			@Value("${demo.embedded.port:0}") int port) {
		return EmbeddedPostgresServer.start(dataDirectory, port);
	}

	@Bean
	DataSource dataSource(EmbeddedPostgresServer server, @Value("${demo.embedded.database:blog}") String database)
			throws SQLException {
		try (Connection connection = server.connect(server.adminDatabase());
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, database);
			try (ResultSet result = exists.executeQuery()) {
				if (!result.next()) {
					try (Statement create = connection.createStatement()) {
						create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
					}
				}
			}
		}
		ConnectionSettings settings = server.settings(database);
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(settings.jdbcUrl());
		dataSource.setUsername(settings.user());
		dataSource.setPassword(settings.password());
		dataSource.setPoolName("blog");
		return dataSource;
	}

}
