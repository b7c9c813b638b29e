package dev.confiture.core.migrate;

/**
 * What a status report includes: today every migration found and every applied one, read
 * without taking the lock.
 */
public record StatusOptions() {

	/** Every migration and its state. */
	public static StatusOptions defaults() {
		return new StatusOptions();
	}

}
