package dev.confiture.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * How long to wait while connecting and for an answer: the TCP connect, the whole login
 * (TLS, authentication, startup), and each read of a running statement. A zero socket
 * timeout waits as long as a statement runs, which migrations that build large indexes
 * need.
 *
 * @param connect longest wait for the TCP connection (default 10 s)
 * @param login longest wait for the whole login (default 30 s)
 * @param socket longest wait for any answer of the server, zero for none (the default)
 */
public record ConnectionTimeouts(Duration connect, Duration login, Duration socket) {

	private static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);

	private static final Duration DEFAULT_LOGIN = Duration.ofSeconds(30);

	/** Connect 10 s, login 30 s, no socket timeout. */
	public static final ConnectionTimeouts DEFAULTS = new ConnectionTimeouts(DEFAULT_CONNECT, DEFAULT_LOGIN,
			Duration.ZERO);

	public ConnectionTimeouts {
		connect = positive(connect, "connect", DEFAULT_CONNECT);
		login = positive(login, "login", DEFAULT_LOGIN);
		socket = (socket != null) ? socket : Duration.ZERO;
		if (socket.isNegative()) {
			throw new IllegalArgumentException("The socket timeout must not be negative, not " + socket);
		}
	}

	private static Duration positive(Duration value, String name, Duration fallback) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("The " + name + " timeout must be positive, not " + value);
		}
		return value;
	}

	/**
	 * The same timeouts with some replaced.
	 * @param connect the connect timeout, or {@code null} to keep this one
	 * @param login the login timeout, or {@code null} to keep this one
	 * @param socket the socket timeout, or {@code null} to keep this one
	 * @return new timeouts
	 */
	public ConnectionTimeouts with(Duration connect, Duration login, Duration socket) {
		return new ConnectionTimeouts((connect != null) ? connect : this.connect, (login != null) ? login : this.login,
				(socket != null) ? socket : this.socket);
	}

	/** Sets the driver properties that the URL does not set itself. */
	void applyTo(Properties properties, String jdbcUrl) {
		set(properties, jdbcUrl, "connectTimeout", this.connect);
		set(properties, jdbcUrl, "loginTimeout", this.login);
		set(properties, jdbcUrl, "socketTimeout", this.socket);
	}

	private static void set(Properties properties, String jdbcUrl, String name, Duration value) {
		if (!jdbcUrl.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT) + "=")) {
			properties.setProperty(name, Long.toString(seconds(value)));
		}
	}

	/** Whole seconds, as the driver takes them; anything under a second counts as one. */
	static long seconds(Duration value) {
		if (value.isZero()) {
			return 0;
		}
		long seconds = value.getSeconds();
		return (value.getNano() > 0 || seconds == 0) ? seconds + 1 : seconds;
	}

	/** A duration for messages: {@code 10 s}. */
	static String describe(Duration value) {
		return seconds(value) + " s";
	}

}
