package dev.confiture.core.migrate.testmigrations;

import dev.confiture.core.migrate.JavaMigration;

/**
 * Abstract, so not a migration: the scanner must skip it.
 */
public abstract class AbstractIgnoredMigration implements JavaMigration {

}
