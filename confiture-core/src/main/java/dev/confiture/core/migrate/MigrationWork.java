package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.sql.TransactionControl;

/**
 * One direction of one migration, prepared before anything runs: its statements (for SQL)
 * and whether it runs in a transaction.
 *
 * @param migration the migration
 * @param direction applied or rolled back
 * @param location the file or class that runs
 * @param script the split script, or {@code null} for a Java migration
 * @param nonTransactionalReason why it runs outside a transaction, or {@code null}
 */
record MigrationWork(ResolvedMigration migration, Direction direction, String location, PreparedScript script,
		String nonTransactionalReason) {

	static MigrationWork prepare(ResolvedMigration migration, Direction direction, int serverMajorVersion) {
		if (migration instanceof SqlFileMigration sql) {
			boolean up = direction == Direction.UP;
			String location = Locations.display(up ? sql.upFile() : sql.downFile());
			PreparedScript script = PreparedScript.prepare(location, up ? sql.upText() : sql.downText(),
					serverMajorVersion);
			return new MigrationWork(migration, direction, location, script, script.nonTransactionalReason());
		}
		JavaClassMigration java = (JavaClassMigration) migration;
		String reason = java.migration().transactional() ? null
				: java.info().location() + ": transactional() returns false";
		return new MigrationWork(migration, direction, java.info().location(), null, reason);
	}

	boolean transactional() {
		return this.nonTransactionalReason == null;
	}

	MigrationInfo info() {
		return this.migration.info();
	}

	/**
	 * Runs the body: the script's statements or the Java migration.
	 * @param connection the connection
	 * @param executor runs and counts the statements
	 * @throws Exception on failure
	 */
	void run(Connection connection, StatementExecutor executor) throws Exception {
		if (this.script != null) {
			executor.run(this.script);
			return;
		}
		JavaMigration java = ((JavaClassMigration) this.migration).migration();
		JavaMigration.Context context = new JavaMigration.Context() {

			@Override
			public Connection connection() {
				return connection;
			}

			@Override
			public void execute(String sql) throws SQLException {
				executor.execute(sql);
			}

		};
		if (this.direction == Direction.UP) {
			java.up(context);
		}
		else {
			java.down(context);
		}
	}

	/** The statements for a plan, without transaction control. */
	List<String> planStatements() {
		if (this.script == null) {
			return List.of();
		}
		return this.script.statements()
			.stream()
			.filter((statement) -> !TransactionControl.isTransactionControl(statement))
			.map(MigrationWork::planText)
			.toList();
	}

	private static String planText(SqlStatement statement) {
		if (statement.isCopyFromStdin()) {
			return statement.sql() + ";\n" + statement.copyData() + "\\.";
		}
		return statement.sql() + ";";
	}

}
