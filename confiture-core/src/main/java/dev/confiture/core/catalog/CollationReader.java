package dev.confiture.core.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link Collation collations}. {@code pg_collation} differs between server
 * versions (the ICU locale is {@code colliculocale} up to PostgreSQL 16 and
 * {@code colllocale} from 17, ICU rules exist from 16, the {@code builtin} provider from
 * 17), so each row is read as JSON and the fields that exist are used.
 */
final class CollationReader {

	private CollationReader() {
	}

	static void read(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			objects.add(new Collation(rs.getString("name"), options(rs.getString("collation"))));
		}
	}

	static String options(String json) {
		String provider = switch (field(json, "collprovider")) {
			case "i" -> "icu";
			case "b" -> "builtin";
			default -> "libc";
		};
		List<String> options = new ArrayList<>();
		options.add("provider = " + provider);
		String locale = field(json, "colllocale");
		if (locale == null) {
			locale = field(json, "colliculocale");
		}
		if (!"libc".equals(provider)) {
			options.add("locale = " + literal(locale));
		}
		else {
			options.add("lc_collate = " + literal(field(json, "collcollate")));
			options.add("lc_ctype = " + literal(field(json, "collctype")));
		}
		String rules = field(json, "collicurules");
		if (rules != null) {
			options.add("rules = " + literal(rules));
		}
		if ("false".equals(field(json, "collisdeterministic"))) {
			options.add("deterministic = false");
		}
		return String.join(", ", options);
	}

	/**
	 * A scalar field of a flat JSON object as text, or {@code null} when absent or null.
	 */
	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\": (\"((?:[^\"\\\\]|\\\\.)*)\"|true|false|null|-?[0-9]+)")
			.matcher(json);
		if (!matcher.find() || "null".equals(matcher.group(1))) {
			return null;
		}
		return (matcher.group(2) != null) ? matcher.group(2).replace("\\\"", "\"").replace("\\\\", "\\")
				: matcher.group(1);
	}

	private static String literal(String text) {
		return (text != null) ? "'" + text.replace("'", "''") + "'" : "''";
	}

}
