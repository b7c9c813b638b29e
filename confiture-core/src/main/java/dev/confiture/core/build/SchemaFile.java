package dev.confiture.core.build;

import java.nio.file.Path;

/**
 * One SQL file of a build.
 *
 * @param path the file
 * @param relativePath its path relative to the project directory, with {@code /} separators;
 * used for ordering, hashing and messages
 * @param seed whether the file holds seed data rather than schema DDL
 */
public record SchemaFile(Path path, String relativePath, boolean seed) {

}
