package dev.confiture.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a PostgreSQL URL, split by structure. A password may hold the URL's own
 * delimiters ({@code / ? # @}, spaces) unencoded: when the plain reading gives no valid
 * host and database, the user info is everything between {@code ://} and the last
 * {@code @} that is followed by a valid host list.
 *
 * @param userinfo {@code user[:password]}, raw, or {@code null}
 * @param hosts {@code host[:port][,host[:port]]}, possibly empty
 * @param database the database name, or {@code null}
 * @param query the raw query, or {@code null}
 */
record UrlParts(String userinfo, String hosts, String database, String query) {

	private static final Pattern SCHEME = Pattern.compile("^(?:jdbc:)?postgres(?:ql)?://", Pattern.CASE_INSENSITIVE);

	private static final Pattern PLAIN = Pattern
		.compile("^(?:(?<userinfo>[^/?#@]*)@)?(?<rest>[^@/?#]*(?:/[^?#]*)?(?:\\?[^#]*)?)$");

	private static final Pattern REST = Pattern
		.compile("^(?<hosts>" + hostList() + ")(?:/(?<db>[^/?#@\\s]*))?(?:\\?(?<query>[^#]*))?$");

	private static String hostList() {
		String host = "(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._%-]+)(?::[0-9]{1,5})?";
		return "(?:" + host + "(?:," + host + ")*)?";
	}

	/**
	 * Splits a URL.
	 * @param url the URL, stripped
	 * @return the parts, or {@code null} if it is not a PostgreSQL URL
	 */
	static UrlParts of(String url) {
		Matcher scheme = SCHEME.matcher(url);
		if (!scheme.find()) {
			return null;
		}
		String afterScheme = url.substring(scheme.end());
		Matcher plain = PLAIN.matcher(afterScheme);
		if (plain.matches()) {
			UrlParts parts = rest(plain.group("userinfo"), plain.group("rest"));
			if (parts != null) {
				return parts;
			}
		}
		for (int at = afterScheme.lastIndexOf('@'); at >= 0; at = afterScheme.lastIndexOf('@', at - 1)) {
			UrlParts parts = rest(afterScheme.substring(0, at), afterScheme.substring(at + 1));
			if (parts != null) {
				return parts;
			}
		}
		return null;
	}

	private static UrlParts rest(String userinfo, String rest) {
		Matcher matcher = REST.matcher(rest);
		if (!matcher.matches()) {
			return null;
		}
		return new UrlParts(userinfo, matcher.group("hosts"), matcher.group("db"), matcher.group("query"));
	}

}
