package dev.confiture.core.build;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

import dev.confiture.core.internal.Identifiers;

/**
 * One build recorded in {@value SchemaBuilder#BUILDS_TABLE}.
 *
 * @param environment the environment built
 * @param schemaHash SHA-256 of the schema files
 * @param fileCount how many schema files
 * @param seedFileCount how many seed files
 * @param builtBy the database user
 * @param builtAt when
 * @param durationMs how long it took
 */
public record BuildRecord(String environment, String schemaHash, int fileCount, int seedFileCount, String builtBy,
		OffsetDateTime builtAt, long durationMs) {

	/**
	 * Reads the latest build of a database.
	 * @param connection a connection to it
	 * @param schema the schema of Confiture's tables, or {@code null} for the search path
	 * @return the latest build, or empty if the database was never built
	 * @throws SQLException on failure
	 */
	public static Optional<BuildRecord> latest(Connection connection, String schema) throws SQLException {
		String table = ((schema != null) ? Identifiers.quote(schema) + "." : "") + SchemaBuilder.BUILDS_TABLE;
		try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			exists.setString(1, table);
			try (ResultSet result = exists.executeQuery()) {
				if (!result.next() || !result.getBoolean(1)) {
					return Optional.empty();
				}
			}
		}
		try (PreparedStatement query = connection.prepareStatement("SELECT environment, schema_hash, file_count, "
				+ "seed_file_count, built_by, built_at, duration_ms FROM " + table + " ORDER BY id DESC LIMIT 1");
				ResultSet result = query.executeQuery()) {
			if (!result.next()) {
				return Optional.empty();
			}
			return Optional
				.of(new BuildRecord(result.getString(1), result.getString(2), result.getInt(3), result.getInt(4),
						result.getString(5), result.getObject(6, OffsetDateTime.class), result.getLong(7)));
		}
	}

}
