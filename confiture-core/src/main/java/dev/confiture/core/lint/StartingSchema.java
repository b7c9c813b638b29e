package dev.confiture.core.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.diff.DiffOptions;
import dev.confiture.core.diff.SchemaDiff;
import dev.confiture.core.sql.SqlScript;
import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.sql.TransactionControl;

/**
 * Builds the schema the linted migrations start from into the shadow database: the live
 * database's catalog written out as DDL by the diff engine (the live database is only
 * read) with the earlier migrations it has not applied yet, else the earlier migrations
 * applied to the empty database.
 */
final class StartingSchema {

	private StartingSchema() {
	}

	/**
	 * Builds the starting schema.
	 * @param shadow a connection to the empty shadow database, in auto-commit mode
	 * @param live the live database, or {@code null} when it cannot be reached
	 * @param liveDescription the live database for messages
	 * @param trackingTable the tracking table, left out of the copy
	 * @param earlier the migrations to apply first: all earlier ones when there is no
	 * live database, else those the live database has not applied yet
	 * @param notes receives why nothing can be measured
	 * @return where the schema came from, or {@code null} when it could not be built
	 */
	static String build(Connection shadow, ConnectionSource live, String liveDescription, String trackingTable,
			List<MigrationLinter.MigrationFile> earlier, List<String> notes) throws SQLException {
		if (live != null) {
			CatalogReader reader = CatalogReader.ignoringConfitureTables(trackingTable);
			Catalog empty = reader.read(shadow);
			Catalog current;
			try (Connection connection = live.open()) {
				current = reader.read(connection);
			}
			List<String> ddl = SchemaDiff.compare(empty, current, DiffOptions.defaults()).statements();
			shadow.setAutoCommit(false);
			try (Statement statement = shadow.createStatement()) {
				statement.setEscapeProcessing(false);
				if (!ddl.isEmpty()) {
					statement.execute(String.join(";\n", ddl));
				}
				shadow.commit();
			}
			catch (SQLException ex) {
				shadow.rollback();
				notes.add("The schema of " + liveDescription + " could not be copied into the shadow database ("
						+ ex.getMessage() + "); linted from the text only");
				return null;
			}
			finally {
				shadow.setAutoCommit(true);
			}
			if (!applyAll(shadow, earlier, notes)) {
				return null;
			}
			return "the schema of " + liveDescription + (earlier.isEmpty() ? ""
					: " with the " + earlier.size() + " earlier pending migration(s) applied");
		}
		if (!applyAll(shadow, earlier, notes)) {
			return null;
		}
		return earlier.isEmpty() ? "an empty database"
				: "an empty database with the " + earlier.size() + " earlier migration(s) applied";
	}

	private static boolean applyAll(Connection shadow, List<MigrationLinter.MigrationFile> earlier,
			List<String> notes) {
		for (MigrationLinter.MigrationFile migration : earlier) {
			try {
				apply(shadow, migration);
			}
			catch (SQLException ex) {
				notes.add("The earlier migration " + migration.display() + " fails on the shadow database ("
						+ ex.getMessage().lines().findFirst().orElse("") + "); linted from the text only");
				return false;
			}
		}
		return true;
	}

	private static void apply(Connection shadow, MigrationLinter.MigrationFile migration) throws SQLException {
		List<SqlStatement> statements = SqlScript.split(migration.display(), migration.text());
		boolean transactional = !TransactionControl.hasNoTransactionMarker(migration.text()) && statements.stream()
			.noneMatch((statement) -> TransactionControl.nonTransactionalReason(statement, 18) != null);
		shadow.setAutoCommit(!transactional);
		try (Statement statement = shadow.createStatement()) {
			statement.setEscapeProcessing(false);
			for (SqlStatement sql : statements) {
				if (!TransactionControl.isTransactionControl(sql)) {
					statement.execute(sql.sql());
				}
			}
			if (transactional) {
				shadow.commit();
			}
		}
		finally {
			if (!shadow.getAutoCommit()) {
				shadow.rollback();
				shadow.setAutoCommit(true);
			}
		}
	}

}
