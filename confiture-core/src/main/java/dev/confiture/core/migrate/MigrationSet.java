package dev.confiture.core.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Every migration found, ordered by version, checked before anything connects: one
 * version per migration, valid names, no orphaned rollback.
 */
final class MigrationSet {

	private final List<ResolvedMigration> migrations;

	private final Map<MigrationVersion, ResolvedMigration> byVersion;

	private MigrationSet(List<ResolvedMigration> migrations) {
		this.migrations = migrations;
		this.byVersion = new LinkedHashMap<>();
		migrations.forEach((migration) -> this.byVersion.put(migration.version(), migration));
	}

	/**
	 * Combines and checks migrations.
	 * @param sqlFiles the SQL migrations
	 * @param javaMigrations the Java migrations
	 * @param problems problems already found while scanning
	 * @return the checked set
	 * @throws ConfitureException with {@link Category#SCHEMA} listing every problem
	 */
	static MigrationSet of(List<SqlFileMigration> sqlFiles, List<JavaMigration> javaMigrations, List<String> problems) {
		List<String> allProblems = new ArrayList<>(problems);
		List<ResolvedMigration> all = new ArrayList<>(sqlFiles);
		for (JavaMigration migration : javaMigrations) {
			String version = migration.version();
			MigrationVersion parsed = MigrationVersion.parse(version);
			String name = migration.name();
			if (parsed == null) {
				allProblems.add(migration.getClass().getName() + ": version '" + version
						+ "' is not made of digits only (use 001 or a YYYYMMDDHHMMSS timestamp)");
			}
			else if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9][A-Za-z0-9_\\-]*")) {
				allProblems.add(migration.getClass().getName() + ": name '" + name
						+ "' must be letters, digits, '_' or '-', such as add_user_bio");
			}
			else {
				all.add(JavaClassMigration.of(parsed, migration));
			}
		}
		Map<MigrationVersion, List<ResolvedMigration>> grouped = all.stream()
			.collect(Collectors.groupingBy(ResolvedMigration::version, LinkedHashMap::new, Collectors.toList()));
		grouped.forEach((version, group) -> {
			if (group.size() > 1) {
				allProblems.add("version " + version.value() + " is used by more than one migration: "
						+ group.stream()
							.map((migration) -> migration.info().location())
							.sorted()
							.collect(Collectors.joining(" and "))
						+ "; give each migration its own version");
			}
		});
		if (!allProblems.isEmpty()) {
			String message = (allProblems.size() == 1) ? "Invalid migration: " + allProblems.get(0)
					: "Invalid migrations:\n  - " + String.join("\n  - ", allProblems);
			throw new ConfitureException(Category.SCHEMA, message,
					"Fix the migration files; nothing was run and no database was contacted");
		}
		all.sort(Comparator.comparing(ResolvedMigration::version));
		return new MigrationSet(List.copyOf(all));
	}

	List<ResolvedMigration> all() {
		return this.migrations;
	}

	ResolvedMigration get(MigrationVersion version) {
		return this.byVersion.get(version);
	}

}
