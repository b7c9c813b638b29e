package dev.confiture.core.migrate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;

/**
 * What the tracking table's rows say against the migrations found: changed files
 * (checksums), missing files, pending and out-of-order migrations. Shared by every
 * operation.
 */
final class AppliedMigrations {

	private AppliedMigrations() {
	}

	/**
	 * Compares the checksum of every applied migration with its file.
	 * @param policy what to do on a mismatch
	 * @param set the migrations found
	 * @param rows the tracking table's rows
	 * @param log receives the warnings
	 * @throws ConfitureException with {@link Category#SCHEMA} on a mismatch under
	 * {@link ChecksumPolicy#FAIL}
	 */
	static void verifyChecksums(ChecksumPolicy policy, MigrationSet set, List<AppliedMigration> rows, RunLog log) {
		if (policy == ChecksumPolicy.IGNORE) {
			return;
		}
		List<String> mismatches = new ArrayList<>();
		for (AppliedMigration row : rows) {
			ResolvedMigration migration = set.get(row.version());
			String current = (migration != null) ? migration.info().checksum() : null;
			if (current != null && row.checksum() != null && !current.equals(row.checksum())) {
				mismatches.add("migration " + migration.displayName() + " (" + migration.info().location()
						+ ") has changed since it was applied: applied checksum " + row.checksum() + ", file checksum "
						+ current);
			}
		}
		if (mismatches.isEmpty()) {
			return;
		}
		if (policy == ChecksumPolicy.WARN) {
			mismatches
				.forEach((mismatch) -> log.warn(Character.toUpperCase(mismatch.charAt(0)) + mismatch.substring(1)));
			return;
		}
		throw new ConfitureException(Category.SCHEMA,
				"Checksum mismatch: " + String.join("; ", mismatches) + ". Nothing was run.",
				Remedy.of(Remedy.Kind.CHECKSUM_MISMATCH));
	}

	static void warnMissing(MigrationSet set, List<AppliedMigration> rows, RunLog log) {
		List<String> missing = new ArrayList<>();
		for (AppliedMigration row : rows) {
			if (set.get(row.version()) == null && !(row.kind() == MigrationKind.BASELINE && row.checksum() == null)) {
				missing.add(row.displayName());
			}
		}
		if (missing.size() == 1) {
			log.warn("Applied migration " + missing.get(0) + " is no longer found on disk or on the classpath");
		}
		else if (!missing.isEmpty()) {
			log.warn(missing.size() + " applied migrations are no longer found on disk or on the classpath: "
					+ ConfitureException.summarize(missing, ", "));
		}
	}

	static List<ResolvedMigration> pending(MigrationSet set, List<AppliedMigration> rows, RunLog log) {
		Set<MigrationVersion> applied = versions(rows);
		MigrationVersion newest = rows.isEmpty() ? null : rows.get(rows.size() - 1).version();
		List<ResolvedMigration> pending = new ArrayList<>();
		List<String> outOfOrder = new ArrayList<>();
		for (ResolvedMigration migration : set.all()) {
			if (!applied.contains(migration.version())) {
				if (newest != null && migration.version().compareTo(newest) < 0) {
					outOfOrder.add(migration.displayName());
				}
				pending.add(migration);
			}
		}
		if (!outOfOrder.isEmpty()) {
			log.warn(ConfitureException.summarize(outOfOrder, ", ") + ((outOfOrder.size() > 1) ? " are" : " is")
					+ " older than the newest applied migration (" + newest + "); applied out of order");
		}
		return pending;
	}

	static List<ResolvedMigration> select(List<ResolvedMigration> pending, MigrationVersion target, Integer steps) {
		return pending.stream()
			.filter((migration) -> target == null || migration.version().compareTo(target) <= 0)
			.limit((steps != null) ? steps : Long.MAX_VALUE)
			.toList();
	}

	static Set<MigrationVersion> versions(List<AppliedMigration> rows) {
		return rows.stream().map(AppliedMigration::version).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/**
	 * A version given as an option.
	 * @param text the text, or {@code null}
	 * @param what what it is, for the message
	 * @return the version, or {@code null} when none is given
	 */
	static MigrationVersion parseVersion(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		MigrationVersion version = MigrationVersion.parse(text.trim());
		if (version == null) {
			throw new ConfitureException(Category.CONFIG, "Invalid " + what + " '" + text + "'",
					"Versions are digits only, such as 003 or 20250112093000");
		}
		return version;
	}

	static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
