package dev.confiture.core.migrate.testmigrations;

import dev.confiture.core.migrate.JavaMigration;

/**
 * A reversible Java migration found by scanning this package.
 */
public class V004AddAuditTable implements JavaMigration {

	@Override
	public String version() {
		return "004";
	}

	@Override
	public String name() {
		return "add_audit_table";
	}

	@Override
	public void up(Context context) throws Exception {
		context.execute("CREATE TABLE audit (id bigint PRIMARY KEY, note text)");
		context.execute("INSERT INTO audit VALUES (1, 'created by a Java migration')");
	}

	@Override
	public void down(Context context) throws Exception {
		context.execute("DROP TABLE audit");
	}

}
