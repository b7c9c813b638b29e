package dev.confiture.core.build;

/**
 * How to load the seed files of an environment into a database that already has its
 * schema: today every seed file of the environment, in one transaction.
 */
public record SeedOptions() {

	/** Every seed file of the environment. */
	public static SeedOptions defaults() {
		return new SeedOptions();
	}

}
