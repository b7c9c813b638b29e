package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.ScratchDatabase;

/**
 * One test database of a {@link ConfitureTestDataSource} and its connection pool (Hikari
 * when it is on the classpath); refuses connections once dropped.
 */
final class TestDatabase {

	private static final Log logger = LogFactory.getLog(ConfitureTestDataSource.class);

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			TestDatabase.class.getClassLoader());

	private final ScratchDatabase scratch;

	private final DataSource pool;

	private volatile boolean closed;

	TestDatabase(ScratchDatabase scratch) {
		this.scratch = scratch;
		this.pool = pool(scratch);
	}

	String name() {
		return this.scratch.name();
	}

	ScratchDatabase scratch() {
		return this.scratch;
	}

	boolean isClosed() {
		return this.closed;
	}

	Connection getConnection() throws SQLException {
		check();
		return this.pool.getConnection();
	}

	Connection getConnection(String username, String password) throws SQLException {
		check();
		ConnectionSettings settings = this.scratch.settings();
		return new ConnectionSettings(settings.jdbcUrl(), username, password).connect();
	}

	private void check() throws SQLException {
		if (this.closed) {
			throw new SQLException("Test database " + this.scratch.name() + " was dropped at the end of its test");
		}
	}

	void closePool() {
		if (this.pool instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.debug("Could not close the pool of " + this.scratch.name(), ex);
			}
		}
	}

	void close() {
		this.closed = true;
		closePool();
	}

	private static DataSource pool(ScratchDatabase scratch) {
		ConnectionSettings settings = scratch.settings();
		if (HIKARI_PRESENT) {
			return HikariPool.create(settings, scratch.name());
		}
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
		dataSource.setDriverClass(org.postgresql.Driver.class);
		dataSource.setUrl(settings.jdbcUrl());
		dataSource.setUsername(settings.user());
		dataSource.setPassword(settings.password());
		return dataSource;
	}

	/** Creates a Hikari pool, when Hikari is on the classpath. */
	private static final class HikariPool {

		static DataSource create(ConnectionSettings settings, String name) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(settings.jdbcUrl());
			config.setUsername(settings.user());
			config.setPassword(settings.password());
			config.setPoolName("confiture-" + name);
			config.setMaximumPoolSize(10);
			config.setMinimumIdle(0);
			config.setInitializationFailTimeout(-1);
			return new HikariDataSource(config);
		}

	}

}
