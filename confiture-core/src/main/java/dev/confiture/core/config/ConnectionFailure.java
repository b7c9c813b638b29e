package dev.confiture.core.config;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Rewords the driver's vaguest connection failures ("The connection attempt failed.") so
 * that they name the host and the cause: an unknown host, a refused or unanswered
 * connection, a login that timed out.
 */
final class ConnectionFailure {

	private ConnectionFailure() {
	}

	static SQLException explain(SQLException ex, String hosts, ConnectionTimeouts timeouts) {
		String message = message(ex, hosts, timeouts);
		if (message == null) {
			return ex;
		}
		return new SQLException(message, ex.getSQLState(), ex.getErrorCode(), ex);
	}

	private static String message(SQLException ex, String hosts, ConnectionTimeouts timeouts) {
		Throwable cause = rootCause(ex);
		if (cause instanceof UnknownHostException) {
			return "unknown host " + host(cause.getMessage(), hosts) + " (the name does not resolve)";
		}
		if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
			return "the connection to " + hosts + " was refused or could not be made (" + cause.getMessage() + ")";
		}
		if (cause instanceof SocketTimeoutException) {
			String detail = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
			if (detail.contains("connect")) {
				return "no TCP connection to " + hosts + " within the connect timeout of "
						+ ConnectionTimeouts.describe(timeouts.connect());
			}
			return hosts + " accepted the connection but did not answer within the socket timeout of "
					+ ConnectionTimeouts.describe(timeouts.socket());
		}
		String text = String.valueOf(ex.getMessage());
		if (text.contains("Connection attempt timed out")) {
			return hosts + " accepted the connection but the login did not finish within the login timeout of "
					+ ConnectionTimeouts.describe(timeouts.login());
		}
		if (text.equals("The connection attempt failed.")) {
			return "the connection attempt to " + hosts + " failed" + ((cause != ex) ? " (" + cause + ")" : "");
		}
		return null;
	}

	private static String host(String reported, String hosts) {
		return (reported != null && !reported.isBlank()) ? "'" + reported + "'" : hosts;
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

}
