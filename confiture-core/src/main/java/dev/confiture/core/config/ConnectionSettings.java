package dev.confiture.core.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * How to reach one PostgreSQL database: a JDBC URL without credentials, plus user and
 * password. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl the {@code jdbc:postgresql://} URL, without user or password parameters
 * @param user the user name, or {@code null} for the driver's default
 * @param password the password, or {@code null}
 * @param timeouts connect, login and socket timeouts
 */
public record ConnectionSettings(String jdbcUrl, String user, String password,
		ConnectionTimeouts timeouts) implements ConnectionSource {

	private static final Pattern URL = Pattern.compile(
			"^(?:jdbc:)?postgres(?:ql)?://(?:(?<userinfo>[^/?#]*)@)?(?<hosts>[^@/?#]*)(?:/(?<db>[^?#]*))?(?:\\?(?<query>[^#]*))?$");

	/**
	 * Application name reported to PostgreSQL
	 * ({@code pg_stat_activity.application_name}).
	 */
	public static final String APPLICATION_NAME = "confiture";

	public ConnectionSettings {
		SecretMasking.remember(user, password);
		timeouts = (timeouts != null) ? timeouts : ConnectionTimeouts.DEFAULTS;
	}

	/**
	 * Settings with the default timeouts.
	 * @param jdbcUrl the {@code jdbc:postgresql://} URL, without user or password
	 * parameters
	 * @param user the user name, or {@code null}
	 * @param password the password, or {@code null}
	 */
	public ConnectionSettings(String jdbcUrl, String user, String password) {
		this(jdbcUrl, user, password, ConnectionTimeouts.DEFAULTS);
	}

	/**
	 * The same settings with other timeouts.
	 * @param timeouts the timeouts
	 * @return new settings
	 */
	public ConnectionSettings withTimeouts(ConnectionTimeouts timeouts) {
		return new ConnectionSettings(this.jdbcUrl, this.user, this.password, timeouts);
	}

	/**
	 * Parses a {@code postgresql://}, {@code postgres://} or {@code jdbc:postgresql://}
	 * URL. User and password may come from the URL (user info or
	 * {@code user=}/{@code password=} parameters) or from the arguments, which win when
	 * not {@code null}.
	 * @param url the URL
	 * @param user user name overriding the URL's, or {@code null}
	 * @param password password overriding the URL's, or {@code null}
	 * @return the settings
	 * @throws ConfitureException if the URL is not a PostgreSQL URL
	 */
	public static ConnectionSettings parse(String url, String user, String password) {
		UrlParts parts = (url != null) ? UrlParts.of(url.strip()) : null;
		if (parts == null) {
			throw new ConfitureException(Category.CONFIG,
					"Not a PostgreSQL URL: '" + ((url != null) ? sanitize(url) : "") + "'",
					"Use postgresql://user:password@host:5432/database or jdbc:postgresql://host:5432/database, "
							+ "with special characters in the user name and password encoded as %XX");
		}
		String urlUser = null;
		String urlPassword = null;
		String userinfo = parts.userinfo();
		if (userinfo != null && !userinfo.isEmpty()) {
			int colon = userinfo.indexOf(':');
			urlUser = decode((colon >= 0) ? userinfo.substring(0, colon) : userinfo);
			urlPassword = (colon >= 0) ? decode(userinfo.substring(colon + 1)) : null;
		}
		Map<String, String> query = new LinkedHashMap<>();
		String rawQuery = parts.query();
		if (rawQuery != null && !rawQuery.isEmpty()) {
			for (String pair : rawQuery.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int eq = pair.indexOf('=');
				String key = decode((eq >= 0) ? pair.substring(0, eq) : pair);
				String value = (eq >= 0) ? pair.substring(eq + 1) : "";
				query.put(key, (key.equals("user") || key.equals("password")) ? decode(value) : value);
			}
		}
		if (urlUser == null) {
			urlUser = query.get("user");
		}
		if (urlPassword == null) {
			urlPassword = query.get("password");
		}
		query.remove("user");
		query.remove("password");
		String hosts = parts.hosts();
		String database = parts.database();
		StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hosts.isEmpty() ? "localhost" : hosts)
			.append('/')
			.append((database != null) ? database : "");
		if (!query.isEmpty()) {
			jdbc.append('?');
			query.forEach((key, value) -> jdbc.append(key).append('=').append(value).append('&'));
			jdbc.setLength(jdbc.length() - 1);
		}
		return new ConnectionSettings(jdbc.toString(), (user != null) ? user : urlUser,
				(password != null) ? password : urlPassword);
	}

	/**
	 * Builds settings from separate parts, as in a {@code database:} block.
	 * @param host host name
	 * @param port port number
	 * @param database database name
	 * @param user user name, or {@code null}
	 * @param password password, or {@code null}
	 * @return the settings
	 */
	public static ConnectionSettings of(String host, int port, String database, String user, String password) {
		String address = (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
		return new ConnectionSettings("jdbc:postgresql://" + address + ":" + port + "/" + database, user, password);
	}

	/** The {@code host:port} list of the URL, for messages. */
	public String hosts() {
		Matcher matcher = URL.matcher(this.jdbcUrl);
		return (matcher.matches() && matcher.group("hosts") != null) ? matcher.group("hosts") : this.jdbcUrl;
	}

	/** The database name in the URL. */
	public String database() {
		Matcher matcher = URL.matcher(this.jdbcUrl);
		return (matcher.matches() && matcher.group("db") != null) ? matcher.group("db") : "";
	}

	/**
	 * The same server and credentials with another database.
	 * @param database the database name
	 * @return new settings
	 */
	public ConnectionSettings withDatabase(String database) {
		Matcher matcher = URL.matcher(this.jdbcUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException("Unexpected JDBC URL " + sanitizedUrl());
		}
		String query = matcher.group("query");
		return new ConnectionSettings(
				"jdbc:postgresql://" + matcher.group("hosts") + "/" + database + ((query != null) ? "?" + query : ""),
				this.user, this.password, this.timeouts);
	}

	/**
	 * Opens a connection with auto-commit on.
	 * @return a new connection
	 * @throws SQLException if the server cannot be reached or refuses the login
	 */
	public Connection connect() throws SQLException {
		Properties properties = new Properties();
		if (this.user != null) {
			properties.setProperty("user", this.user);
		}
		if (this.password != null) {
			properties.setProperty("password", this.password);
		}
		if (!this.jdbcUrl.contains("ApplicationName=")) {
			properties.setProperty("ApplicationName", APPLICATION_NAME);
		}
		this.timeouts.applyTo(properties, this.jdbcUrl);
		try {
			return DriverManager.getConnection(this.jdbcUrl, properties);
		}
		catch (SQLException ex) {
			throw ConnectionFailure.explain(ex, hosts(), this.timeouts);
		}
	}

	@Override
	public Connection open() throws SQLException {
		return connect();
	}

	/** The URL with any secret removed, safe to print. */
	public String sanitizedUrl() {
		return sanitize(this.jdbcUrl);
	}

	@Override
	public String toString() {
		return sanitizedUrl() + ((this.user != null) ? " (user " + this.user + ")" : "");
	}

	/**
	 * Removes passwords from a URL-like string so that it can be printed.
	 * @param url the text, may be {@code null}
	 * @return the text without secrets
	 */
	public static String sanitize(String url) {
		return SecretMasking.mask(url);
	}

	/**
	 * Percent-decodes a URL part. Unlike form decoding, {@code +} stays a plus sign.
	 */
	private static String decode(String value) {
		try {
			return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new ConfitureException(Category.CONFIG, "Invalid percent-encoding in a PostgreSQL URL",
					"Encode special characters in the user name and password as %XX, e.g. '@' as %40");
		}
	}

}
