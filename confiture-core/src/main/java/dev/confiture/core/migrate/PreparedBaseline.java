package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Every migration found, ready to be recorded as applied after a build (see
 * {@link Migrator#prepareBaselineAll()}): when the tracking table does not exist yet, it
 * is created, commented and filled in one round trip; otherwise the migrations it lacks
 * are recorded as {@link Migrator#baselineAll} does.
 */
public final class PreparedBaseline {

	private static final String NEW_TABLE_FAILED = "confiture_baseline";

	private static final String DUPLICATE_TABLE = "42P07";

	private static final String INVALID_SCHEMA_NAME = "3F000";

	private final MigrationDatabase database;

	private final List<ResolvedMigration> migrations;

	PreparedBaseline(MigrationDatabase database, List<ResolvedMigration> migrations) {
		this.database = database;
		this.migrations = List.copyOf(migrations);
	}

	/**
	 * Records the migrations as applied on the caller's connection and in its
	 * transaction, whose migration lock the caller already holds. Does not commit.
	 * @param connection the connection the build ran on
	 * @return the migrations recorded
	 */
	public List<MigrationInfo> record(Connection connection) {
		try {
			TrackingTable.Resolved table = this.database.trackingTable().qualified();
			if (table == null) {
				table = this.database.trackingTable().resolve(connection);
			}
			if (!table.exists() && createAndFill(connection, table)) {
				return this.migrations.stream().map(ResolvedMigration::info).toList();
			}
			table = this.database.trackingTable().resolve(connection);
			if (!table.exists()) {
				table = table.create(connection);
			}
			return MigrateBaseline.record(connection, table, this.migrations);
		}
		catch (SQLException ex) {
			throw this.database.failure(ex);
		}
	}

	/**
	 * Creates the table and records every migration in one round trip, under a savepoint:
	 * if the table exists after all (the build made it) or its schema does not, the
	 * savepoint is rolled back and {@code false} returned.
	 */
	private boolean createAndFill(Connection connection, TrackingTable.Resolved table) throws SQLException {
		StringBuilder sql = new StringBuilder("SAVEPOINT " + NEW_TABLE_FAILED + ";\n");
		sql.append(table.createSql(false)).append(";\n").append(table.commentSql()).append(";\n");
		if (!this.migrations.isEmpty()) {
			sql.append(table.insertBaselinesSql()).append(";\n");
		}
		sql.append("RELEASE SAVEPOINT " + NEW_TABLE_FAILED);
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			if (!this.migrations.isEmpty()) {
				TrackingTable.Resolved.bindBaselines(connection, statement, 1, this.migrations);
			}
			statement.execute();
			return true;
		}
		catch (SQLException ex) {
			if (!DUPLICATE_TABLE.equals(ex.getSQLState()) && !INVALID_SCHEMA_NAME.equals(ex.getSQLState())) {
				throw ex;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("ROLLBACK TO SAVEPOINT " + NEW_TABLE_FAILED);
			}
			return false;
		}
	}

}
