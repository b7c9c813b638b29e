package dev.confiture.core.coordinate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Allocates branch names {@code feature/<slug>_NNN}: the slug is the feature name made
 * safe for git, {@code NNN} the next free number for that slug (from {@code 001}). Called
 * under the registry's exclusive lock, so two registrations never get the same name; the
 * unique constraint on the column backs that up.
 */
final class BranchNames {

	static final String PREFIX = "feature/";

	private static final int MAX_SLUG_LENGTH = 60;

	private BranchNames() {
	}

	/**
	 * The feature name in lower case, with every run of characters other than letters,
	 * digits, {@code .} and {@code -} replaced by one {@code _}.
	 */
	static String slug(String feature) {
		String slug = feature.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9.-]+", "_")
			.replaceAll("\\.{2,}", ".")
			.replaceAll("^[._-]+|[._-]+$", "");
		if (slug.length() > MAX_SLUG_LENGTH) {
			slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("[._-]+$", "");
		}
		return slug.isEmpty() ? "intent" : slug;
	}

	static String next(Connection connection, String feature) throws SQLException {
		String prefix = PREFIX + slug(feature) + "_";
		int highest = 0;
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT branch_name FROM " + CoordinationSchema.INTENTS + " WHERE starts_with(branch_name, ?)")) {
			statement.setString(1, prefix);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					String suffix = result.getString(1).substring(prefix.length());
					if (suffix.matches("[0-9]{1,9}")) {
						highest = Math.max(highest, Integer.parseInt(suffix));
					}
				}
			}
		}
		return prefix + String.format(Locale.ROOT, "%03d", highest + 1);
	}

}
