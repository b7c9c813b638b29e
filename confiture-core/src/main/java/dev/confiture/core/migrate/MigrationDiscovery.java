package dev.confiture.core.migrate;

import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.resource.SqlLocation;
import dev.confiture.core.resource.SqlResource;

/**
 * Finds the migrations of the migration locations and the Java migrations. The last
 * result is reused while the locations list the same files with the same stamps (sizes
 * and modification times), so that a run followed by a status (as at application startup)
 * reads and hashes the files once; the migrators of a fleet's tenants share one
 * discovery.
 */
final class MigrationDiscovery {

	private final List<SqlLocation> locations;

	private final List<String> javaPackages;

	private final ClassLoader classLoader;

	private final List<JavaMigration> javaMigrations;

	private volatile Discovery last;

	MigrationDiscovery(List<SqlLocation> locations, List<String> javaPackages, ClassLoader classLoader,
			List<JavaMigration> javaMigrations) {
		this.locations = List.copyOf(locations);
		this.javaPackages = List.copyOf(javaPackages);
		this.classLoader = classLoader;
		this.javaMigrations = List.copyOf(javaMigrations);
	}

	/**
	 * The migrations, checked (one version each, valid names, no orphaned rollback).
	 * @return the migrations
	 */
	MigrationSet discover() {
		List<SqlResource> files = MigrationFileScanner.list(this.locations);
		String fingerprint = fingerprint(files);
		Discovery last = this.last;
		if (last != null && last.fingerprint().equals(fingerprint)) {
			return last.set();
		}
		MigrationSet set = scan(files);
		this.last = new Discovery(fingerprint, set);
		return set;
	}

	/** Whether the migrations were found at least once. */
	boolean discovered() {
		return this.last != null;
	}

	private static String fingerprint(List<SqlResource> files) {
		StringBuilder fingerprint = new StringBuilder();
		for (SqlResource file : files) {
			fingerprint.append(file.displayPath()).append(':').append(file.stamp()).append('\n');
		}
		return fingerprint.toString();
	}

	private MigrationSet scan(List<SqlResource> sqlFiles) {
		List<String> problems = new ArrayList<>();
		List<SqlFileMigration> files = MigrationFileScanner.scan(sqlFiles, problems);
		List<JavaMigration> java = new ArrayList<>(this.javaMigrations);
		for (String javaPackage : this.javaPackages) {
			java.addAll(JavaMigrationScanner.scan(javaPackage, this.classLoader, problems));
		}
		return MigrationSet.of(files, java, problems);
	}

	private record Discovery(String fingerprint, MigrationSet set) {

	}

}
