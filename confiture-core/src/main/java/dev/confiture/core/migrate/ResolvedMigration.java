package dev.confiture.core.migrate;

/**
 * A migration found on disk or on the classpath, ready to run.
 */
sealed interface ResolvedMigration permits SqlFileMigration, JavaClassMigration {

	MigrationVersion version();

	String name();

	MigrationInfo info();

	default String displayName() {
		return version() + "_" + name();
	}

}
