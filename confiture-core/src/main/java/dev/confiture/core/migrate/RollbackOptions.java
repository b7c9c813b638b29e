package dev.confiture.core.migrate;

/**
 * Which applied migrations to roll back: the newest {@code steps}, or every one newer
 * than {@code toVersion}.
 *
 * @param steps how many of the newest applied migrations, or {@code null} with a version
 * @param toVersion the version to keep as the newest applied one ({@code 0}: none), or
 * {@code null} with steps
 */
public record RollbackOptions(Integer steps, String toVersion) {

	/** The newest {@code steps} applied migrations. */
	public static RollbackOptions steps(int steps) {
		return new RollbackOptions(steps, null);
	}

	/** Every applied migration newer than {@code version}. */
	public static RollbackOptions downTo(String version) {
		return new RollbackOptions(null, version);
	}

}
