package dev.confiture.benchmarks.generate;

import java.nio.file.Path;

/**
 * A migration history written for both tools.
 *
 * @param flywayLocation the directory of the Flyway {@code V...} files
 * @param confitureProject the Confiture project whose {@code db/migrations} holds the
 * same migrations
 * @param migrationCount how many migrations each holds
 */
public record GeneratedHistory(Path flywayLocation, ConfitureProject confitureProject, int migrationCount) {

	/** The Flyway location as Flyway spells it: {@code filesystem:/path}. */
	public String flywayLocationSpec() {
		return "filesystem:" + this.flywayLocation.toAbsolutePath();
	}

}
