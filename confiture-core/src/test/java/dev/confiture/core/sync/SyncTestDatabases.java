package dev.confiture.core.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

/**
 * A source and a target database with the same schema, for one test.
 */
final class SyncTestDatabases implements AutoCloseable {

	final ScratchDatabase source = PostgresServers.shared().createDatabase();

	final ScratchDatabase target = PostgresServers.shared().createDatabase();

	SyncTestDatabases schema(String ddl) {
		execute(this.source, ddl);
		execute(this.target, ddl);
		return this;
	}

	SyncOptions options() {
		return SyncOptions.of(new SyncEndpoint("source", this.source.settings(), false),
				new SyncEndpoint("target", this.target.settings(), false));
	}

	static void execute(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> query(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String one(ScratchDatabase database, String sql) {
		return query(database, sql).get(0);
	}

	@Override
	public void close() {
		this.source.close();
		this.target.close();
	}

}
