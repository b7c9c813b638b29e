package dev.confiture.spring.boot.testmigrations;

import dev.confiture.core.migrate.JavaMigration;

/**
 * A Java migration found by package scanning.
 */
public class V005SeedReviewer implements JavaMigration {

	@Override
	public String version() {
		return "005";
	}

	@Override
	public String name() {
		return "seed_reviewer";
	}

	@Override
	public void up(Context context) throws java.sql.SQLException {
		context.execute("INSERT INTO author (name) VALUES ('Reviewer')");
	}

}
