package dev.confiture.core.sync;

import dev.confiture.core.internal.ConfitureTables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The record of sync runs on the target, {@code confiture_sync_progress}: one row when a
 * run starts, one per table written in the same transaction as the table's rows (so a
 * table is recorded exactly when it is copied), and the total when the run ends. A run
 * without a total was interrupted; {@code resume} continues it.
 */
final class SyncProgress {

	static final String TABLE = ConfitureTables.SYNC_PROGRESS;

	private static final String RUN = "(run)";

	private SyncProgress() {
	}

	static void create(Connection target) throws SQLException {
		try (Statement statement = target.createStatement()) {
			statement
				.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (run_id text NOT NULL, table_name text NOT NULL,"
						+ " source text NOT NULL, rows bigint, recorded_at timestamptz NOT NULL DEFAULT now(),"
						+ " PRIMARY KEY (run_id, table_name))");
		}
	}

	/** Starts a run and returns its id. */
	static String start(Connection target, String source) throws SQLException {
		String runId = UUID.randomUUID().toString();
		record(target, runId, RUN, source, null);
		return runId;
	}

	/** The id of the latest interrupted run from this source, or {@code null}. */
	static String interrupted(Connection target, String source) throws SQLException {
		try (PreparedStatement statement = target.prepareStatement("SELECT run_id FROM " + TABLE
				+ " WHERE table_name = ? AND source = ? AND rows IS NULL ORDER BY recorded_at DESC LIMIT 1")) {
			statement.setString(1, RUN);
			statement.setString(2, source);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	/** The tables a run has copied. */
	static Set<String> copied(Connection target, String runId) throws SQLException {
		Set<String> tables = new HashSet<>();
		try (PreparedStatement statement = target
			.prepareStatement("SELECT table_name FROM " + TABLE + " WHERE run_id = ? AND table_name <> ?")) {
			statement.setString(1, runId);
			statement.setString(2, RUN);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
		}
		return tables;
	}

	static void record(Connection target, String runId, String table, String source, Long rows) throws SQLException {
		try (PreparedStatement statement = target
			.prepareStatement("INSERT INTO " + TABLE + " (run_id, table_name, source, rows) VALUES (?, ?, ?, ?)")) {
			statement.setString(1, runId);
			statement.setString(2, table);
			statement.setString(3, source);
			statement.setObject(4, rows);
			statement.executeUpdate();
		}
	}

	static void finish(Connection target, String runId, long rows) throws SQLException {
		try (PreparedStatement statement = target.prepareStatement(
				"UPDATE " + TABLE + " SET rows = ?, recorded_at = now() WHERE run_id = ? AND table_name = ?")) {
			statement.setLong(1, rows);
			statement.setString(2, runId);
			statement.setString(3, RUN);
			statement.executeUpdate();
		}
	}

}
