package dev.confiture.core.migrate;

import java.nio.file.Path;

/**
 * A {@code {version}_{name}.up.sql} file with its optional {@code .down.sql}.
 *
 * @param version the version
 * @param name the name
 * @param upFile the up file
 * @param upText the up file's text
 * @param downFile the down file, or {@code null}
 * @param downText the down file's text, or {@code null}
 * @param info the public description, with the checksum of the up file
 */
record SqlFileMigration(MigrationVersion version, String name, Path upFile, String upText, Path downFile,
		String downText, MigrationInfo info) implements ResolvedMigration {

	static SqlFileMigration of(MigrationVersion version, String name, Path upFile, String upText, Path downFile,
			String downText) {
		MigrationInfo info = new MigrationInfo(version.text(), name, MigrationKind.SQL, Locations.display(upFile),
				Checksums.sha256(upText), downFile != null);
		return new SqlFileMigration(version, name, upFile, upText, downFile, downText, info);
	}

}
