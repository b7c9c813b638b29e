package dev.confiture.core.migrate;

import java.nio.file.Path;

/**
 * The files written by {@code generate}.
 *
 * @param version the new version
 * @param name the normalised name
 * @param upFile the new {@code .up.sql} file
 * @param downFile the new {@code .down.sql} file
 */
public record GeneratedMigration(String version, String name, Path upFile, Path downFile) {

}
