package dev.confiture.core.migrate;

import dev.confiture.core.resource.SqlResource;

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
 * @param downLocation the down file as shown in messages, or {@code null}
 */
record SqlFileMigration(MigrationVersion version, String name, SqlResource upFile, String upText, SqlResource downFile,
		String downText, MigrationInfo info, String downLocation) implements ResolvedMigration {

	static SqlFileMigration of(MigrationVersion version, String name, SqlResource upFile, String upText,
			SqlResource downFile, String downText) {
		return of(version, name, upFile, upText, Checksums.sha256(upText), downFile, downText);
	}

	static SqlFileMigration of(MigrationVersion version, String name, SqlResource upFile, String upText,
			String checksum, SqlResource downFile, String downText) {
		MigrationInfo info = new MigrationInfo(version.text(), name, MigrationKind.SQL, upFile.displayPath(), checksum,
				downFile != null);
		return new SqlFileMigration(version, name, upFile, upText, downFile, downText, info,
				(downFile != null) ? downFile.displayPath() : null);
	}

	/** The up or down file as shown in messages. */
	String location(Direction direction) {
		return (direction == Direction.UP) ? this.info.location() : this.downLocation;
	}

}
