package dev.confiture.core.validate;

import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.api.Remedy;
import dev.confiture.core.sql.SqlScript;
import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.sql.SqlSyntaxException;
import dev.confiture.core.validate.ChangedFile.Change;

/**
 * {@code --require-migration}: a change of the schema files must come with a new or
 * changed migration. Decided from the changed paths, plus the text of changed schema
 * files to leave out edits of comments and blank lines between statements; nothing is
 * built.
 */
final class MigrationRequirement {

	private MigrationRequirement() {
	}

	static CheckResult check(Changes changes) {
		List<ChangedFile> schemaFiles = new ArrayList<>();
		List<ChangedFile> cosmetic = new ArrayList<>();
		for (ChangedFile file : changes.schemaFiles()) {
			(isCosmetic(changes, file) ? cosmetic : schemaFiles).add(file);
		}
		List<String> details = new ArrayList<>();
		if (schemaFiles.isEmpty()) {
			details.add("No schema file changed between " + changes.base().label() + " and " + changes.target().label()
					+ ".");
			cosmetic.forEach((file) -> details.add(file.path() + " changed only in comments or blank lines"));
			return CheckResult.passed(GitSchemaValidator.REQUIRE_MIGRATION, details);
		}
		List<ChangedFile> migrations = changes.newOrChangedMigrations();
		if (migrations.isEmpty()) {
			details.add("Missing migration: " + schemaFiles.size() + " schema file(s) changed between "
					+ changes.base().label() + " and " + changes.target().label()
					+ " without a new or changed migration in " + changes.layout().migrationsDirectory() + ":");
			schemaFiles.forEach((file) -> details.add(file.toString()));
			return CheckResult.failed(GitSchemaValidator.REQUIRE_MIGRATION, details,
					Remedy.of(Remedy.Kind.WRITE_MIGRATION));
		}
		details.add(schemaFiles.size() + " schema file(s) changed, with " + migrations.size() + " migration(s):");
		schemaFiles.forEach((file) -> details.add(file.toString()));
		migrations.forEach((file) -> details.add(file.toString()));
		return CheckResult.passed(GitSchemaValidator.REQUIRE_MIGRATION, details);
	}

	/**
	 * Whether a modified file still holds the same statements, character for character:
	 * only comments and blank lines around them changed.
	 */
	private static boolean isCosmetic(Changes changes, ChangedFile file) {
		if (file.change() != Change.MODIFIED) {
			return false;
		}
		String before = changes.git().read(changes.base(), file.path());
		String after = changes.git().read(changes.target(), file.path());
		if (before == null || after == null) {
			return false;
		}
		try {
			return statements(file.path(), before).equals(statements(file.path(), after));
		}
		catch (SqlSyntaxException ex) {
			return false;
		}
	}

	private static List<String> statements(String path, String text) {
		return SqlScript.split(path, text).stream().map(SqlStatement::sql).map(String::strip).toList();
	}

}
