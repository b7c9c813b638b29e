package dev.confiture.core.migrate;

/**
 * What to record as applied without running it.
 *
 * @param version the newest version the database already contains
 */
public record BaselineOptions(String version) {

}
