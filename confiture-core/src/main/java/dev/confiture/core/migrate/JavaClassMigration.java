package dev.confiture.core.migrate;

/**
 * A {@link JavaMigration} with its parsed version.
 *
 * @param version the version
 * @param migration the migration
 * @param info the public description
 */
record JavaClassMigration(MigrationVersion version, JavaMigration migration,
		MigrationInfo info) implements ResolvedMigration {

	static JavaClassMigration of(MigrationVersion version, JavaMigration migration) {
		MigrationInfo info = new MigrationInfo(version.text(), migration.name(), MigrationKind.JAVA,
				migration.getClass().getName(), null, migration.reversible());
		return new JavaClassMigration(version, migration, info);
	}

	@Override
	public String name() {
		return this.migration.name();
	}

}
