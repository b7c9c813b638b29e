package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.BaselineProof;

import static dev.confiture.core.migrate.AppliedMigrations.parseVersion;
import static dev.confiture.core.migrate.AppliedMigrations.versions;

/**
 * Records migrations as applied without running them: up to a version for a database
 * whose schema already contains them ({@link Migrator#baseline}), or all of them after a
 * build, which first proves that the built schema contains them
 * ({@link Migrator#proveBaseline}), or as another tool recorded them
 * ({@link Migrator#recordImported}).
 */
final class MigrateBaseline {

	private final MigrationDatabase database;

	private final MigrationDiscovery discovery;

	MigrateBaseline(MigrationDatabase database, MigrationDiscovery discovery) {
		this.database = database;
		this.discovery = discovery;
	}

	/**
	 * Records every migration up to a version as applied, or a baseline marker row when
	 * no migration has that version.
	 * @param version the newest version the database already contains
	 * @return the migrations recorded
	 */
	List<MigrationInfo> upTo(String version) {
		MigrationVersion target = parseVersion(version, "version");
		if (target == null) {
			throw new ConfitureException(Category.CONFIG, "baseline needs a version",
					"Pass the newest version the database already contains");
		}
		MigrationSet set = this.discovery.discover();
		return this.database.locked((session) -> {
			Connection connection = session.connection();
			TrackingTable.Resolved table = session.table().exists() ? session.table()
					: session.table().create(connection);
			connection.setAutoCommit(false);
			try {
				List<MigrationInfo> recorded = record(connection, table,
						set.all().stream().filter((migration) -> migration.version().compareTo(target) <= 0).toList());
				if (set.get(target) == null && !versions(table.read(connection)).contains(target)) {
					table.insert(connection, target, "baseline", MigrationKind.BASELINE, null, 0);
					recorded
						.add(new MigrationInfo(target.text(), "baseline", MigrationKind.BASELINE, null, null, false));
				}
				connection.commit();
				return recorded;
			}
			finally {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
		});
	}

	/**
	 * Records every migration found as applied, on the caller's connection and in its
	 * transaction (taking the migration lock for it), creating the tracking table if
	 * needed.
	 * @param connection the connection the build ran on
	 * @return the migrations recorded
	 */
	List<MigrationInfo> all(Connection connection) {
		MigrationSet set = this.discovery.discover();
		TrackingTable trackingTable = this.database.trackingTable();
		try {
			TrackingTable.Resolved table = trackingTable.resolve(connection);
			if (!connection.getAutoCommit()) {
				MigrationLock.acquireForTransaction(connection, table.lockKey(), this.database.lockWait(),
						table.displayName());
				table = trackingTable.resolve(connection);
			}
			if (!table.exists()) {
				table = table.create(connection);
			}
			return record(connection, table, set.all());
		}
		catch (SQLException ex) {
			throw this.database.failure(ex);
		}
	}

	/**
	 * Runs each migration on the schema just built and rolls it back, in the caller's
	 * transaction, which is left as it was.
	 * @param connection the connection the build ran on, inside its transaction
	 * @return what was found
	 */
	BaselineProof prove(Connection connection) {
		MigrationSet set = this.discovery.discover();
		try {
			return new BaselineProver(connection, this.database.trackingTable().toString(),
					MigrationDatabase.serverMajorVersion(connection))
				.prove(set.all());
		}
		catch (SQLException ex) {
			throw this.database.failure(ex);
		}
	}

	/**
	 * Records migrations that another tool applied, keeping their time and user, in one
	 * transaction under the migration lock; versions already recorded are left as they
	 * are.
	 * @param migrations the migrations
	 * @return the versions recorded now
	 */
	List<String> imported(List<ImportedMigration> migrations) {
		for (ImportedMigration migration : migrations) {
			if (!MigrationVersion.isValid(migration.version())) {
				throw new ConfitureException(Category.CONFIG, "Invalid version '" + migration.version() + "'",
						"Versions are digits only");
			}
		}
		return this.database.locked((session) -> {
			Connection connection = session.connection();
			connection.setAutoCommit(false);
			try {
				TrackingTable.Resolved table = session.table().exists() ? session.table()
						: session.table().create(connection);
				Set<MigrationVersion> applied = versions(table.read(connection));
				List<String> recorded = new ArrayList<>();
				try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table.sqlName()
						+ " (version, name, kind, checksum, applied_by, applied_at, execution_ms) VALUES (?, ?, ?, ?, "
						+ "coalesce(?, current_user), coalesce(?, clock_timestamp()), ?)")) {
					for (ImportedMigration migration : migrations) {
						if (!applied.add(MigrationVersion.parse(migration.version()))) {
							continue;
						}
						statement.setString(1, migration.version());
						statement.setString(2, migration.name());
						statement.setString(3,
								(migration.baseline() ? MigrationKind.BASELINE : MigrationKind.SQL).id());
						statement.setString(4, migration.checksum());
						statement.setString(5, migration.appliedBy());
						statement.setObject(6, migration.appliedAt());
						statement.setLong(7, migration.executionMs());
						statement.addBatch();
						recorded.add(migration.version());
					}
					statement.executeBatch();
				}
				connection.commit();
				return recorded;
			}
			finally {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
		});
	}

	static List<MigrationInfo> record(Connection connection, TrackingTable.Resolved table,
			List<ResolvedMigration> migrations) throws SQLException {
		Set<MigrationVersion> applied = versions(table.read(connection));
		List<ResolvedMigration> missing = migrations.stream()
			.filter((migration) -> !applied.contains(migration.version()))
			.toList();
		table.insertBaselines(connection, missing);
		List<MigrationInfo> recorded = new ArrayList<>();
		missing.forEach((migration) -> recorded.add(migration.info()));
		return recorded;
	}

}
