package dev.confiture.core.migrate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Answers the question of a restart, whether the database is up to date, with one query
 * on the tracking table and no row sent back: the server hashes its rows' versions and
 * checksums, and the hash is compared with the same hash of the migrations found.
 * <p>
 * Equal hashes mean that every migration has a row with its version and its file's
 * checksum and that no other row exists, so the full status would show every migration
 * applied, none pending, none changed and none missing. Any other answer (different
 * hashes, no tracking table, a failing query) means "read the full status", which decides
 * as before: the check never reports a database up to date that the full status would
 * not.
 */
final class UpToDateCheck {

	private static final String SEPARATOR = ",";

	private UpToDateCheck() {
	}

	/**
	 * The number of applied migrations when the tracking table holds exactly the
	 * migrations found.
	 * @param connection a connection
	 * @param table the tracking table
	 * @param migrations the migrations found
	 * @return the count, or empty when the full status must decide
	 */
	static OptionalInt appliedWhenUpToDate(Connection connection, TrackingTable.Resolved table,
			List<ResolvedMigration> migrations) {
		if (!table.exists()) {
			return OptionalInt.empty();
		}
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(query(table.sqlName()))) {
			if (!result.next()) {
				return OptionalInt.empty();
			}
			String hash = result.getString(1);
			int rows = result.getInt(2);
			return (rows == migrations.size() && hash(migrations).equals(hash)) ? OptionalInt.of(rows)
					: OptionalInt.empty();
		}
		catch (SQLException ex) {
			return OptionalInt.empty();
		}
	}

	/**
	 * The query: the SHA-256 of the rows' {@code version checksum} lines, ordered by
	 * version as text, and the number of rows.
	 * @param table the tracking table's SQL name
	 * @return the query
	 */
	static String query(String table) {
		return "SELECT encode(sha256(convert_to(coalesce(string_agg(version || ' ' || coalesce(checksum, ''), '"
				+ SEPARATOR + "' ORDER BY version COLLATE \"C\"), ''), 'UTF8')), 'hex'), count(*) FROM " + table;
	}

	/**
	 * The hash of the migrations found, as {@link #query(String)} computes it from rows
	 * that match them.
	 * @param migrations the migrations
	 * @return 64 hex characters
	 */
	static String hash(List<ResolvedMigration> migrations) {
		List<String> lines = new ArrayList<>(migrations.size());
		for (ResolvedMigration migration : migrations) {
			String checksum = migration.info().checksum();
			lines.add(migration.version().text() + " " + ((checksum != null) ? checksum : ""));
		}
		lines.sort(UpToDateCheck::byVersion);
		String text = String.join(SEPARATOR, lines);
		return Checksums.hex(Checksums.newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Orders lines as the server orders their versions: text, byte by byte. */
	private static int byVersion(String first, String second) {
		return first.substring(0, first.indexOf(' ')).compareTo(second.substring(0, second.indexOf(' ')));
	}

}
