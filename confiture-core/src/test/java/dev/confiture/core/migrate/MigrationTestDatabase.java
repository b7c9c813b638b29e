package dev.confiture.core.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

/**
 * A scratch database and a migrations directory for one test.
 */
final class MigrationTestDatabase implements AutoCloseable {

	/**
	 * Every relation and column outside the system schemas, to prove that nothing
	 * changed.
	 */
	static final String CATALOG_SNAPSHOT = "SELECT coalesce(string_agg(entry, E'\\n' ORDER BY entry), '') FROM ("
			+ "SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || coalesce(string_agg(a.attname || ' '"
			+ " || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum), '') AS entry FROM pg_class c "
			+ "JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attribute a ON a.attrelid = c.oid "
			+ "AND a.attnum > 0 AND NOT a.attisdropped WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
			+ "AND n.nspname NOT LIKE 'pg_toast%' GROUP BY n.nspname, c.relname, c.relkind "
			+ "UNION ALL SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%' "
			+ "AND nspname <> 'information_schema') entries";

	final ScratchDatabase database;

	final Path migrations;

	MigrationTestDatabase(Path directory) {
		this.database = PostgresServers.shared().createDatabase();
		this.migrations = directory.resolve("db/migrations");
		try {
			Files.createDirectories(this.migrations);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Migrator.Builder migrator() {
		return Migrator.builder().database(this.database.settings()).migrationsDirectory(this.migrations);
	}

	Path write(String fileName, String content) {
		try {
			return Files.writeString(this.migrations.resolve(fileName), content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void delete(String fileName) {
		try {
			Files.delete(this.migrations.resolve(fileName));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String queryString(String sql) {
		List<String> values = queryList(sql);
		return values.isEmpty() ? null : values.get(0);
	}

	int queryInt(String sql) {
		return Integer.parseInt(queryString(sql));
	}

	List<String> queryList(String sql) {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void execute(String sql) {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean tableExists(String name) {
		return queryString("SELECT to_regclass('" + name + "')") != null;
	}

	List<String> appliedVersions() {
		return queryList("SELECT version FROM confiture_migrations ORDER BY version::numeric");
	}

	String catalogSnapshot() {
		return queryString(CATALOG_SNAPSHOT);
	}

	@Override
	public void close() {
		this.database.close();
	}

}
