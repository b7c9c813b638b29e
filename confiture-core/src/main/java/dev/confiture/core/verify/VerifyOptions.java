package dev.confiture.core.verify;

import dev.confiture.core.server.PostgresServer;

/**
 * How to verify a database against its schema files (seeds left out).
 *
 * @param shadowServer the server for the throw-away build, or {@code null} for the
 * facade's shadow server
 */
public record VerifyOptions(PostgresServer shadowServer) {

	/** On the facade's shadow server. */
	public static VerifyOptions defaults() {
		return new VerifyOptions(null);
	}

	/** On a given server. */
	public static VerifyOptions on(PostgresServer shadowServer) {
		return new VerifyOptions(shadowServer);
	}

}
