package dev.confiture.benchmarks.generate;

/**
 * One generated versioned migration, written the same for Flyway and for Confiture.
 *
 * @param version the version, from 1
 * @param description the name part of the file, in {@code snake_case}
 * @param sql the SQL of the migration
 */
public record Migration(int version, String description, String sql) {

}
