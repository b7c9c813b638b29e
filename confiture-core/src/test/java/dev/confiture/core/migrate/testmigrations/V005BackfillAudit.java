package dev.confiture.core.migrate.testmigrations;

import java.sql.PreparedStatement;

import dev.confiture.core.migrate.JavaMigration;

/**
 * An irreversible Java migration (no down) that uses the connection directly.
 */
public class V005BackfillAudit implements JavaMigration {

	@Override
	public String version() {
		return "005";
	}

	@Override
	public String name() {
		return "backfill_audit";
	}

	@Override
	public void up(Context context) throws Exception {
		try (PreparedStatement statement = context.connection().prepareStatement("INSERT INTO audit VALUES (?, ?)")) {
			for (int i = 2; i <= 3; i++) {
				statement.setInt(1, i);
				statement.setString(2, "row " + i);
				statement.executeUpdate();
			}
		}
	}

}
