package dev.confiture.core.sync;

import java.util.Objects;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.config.Environment;

/**
 * One side of a sync: a database, how it is shown to users (never with a password), and
 * whether it is protected (an environment marked {@code protected: true} is never
 * written).
 *
 * @param description the environment name or the sanitised URL
 * @param connections opens connections to the database
 * @param protectedTarget whether the database may not be written by sync
 */
public record SyncEndpoint(String description, ConnectionSource connections, boolean protectedTarget) {

	public SyncEndpoint {
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(connections, "connections");
	}

	/**
	 * The database of an environment.
	 * @param environment the environment, with a database
	 * @return the endpoint
	 */
	public static SyncEndpoint of(Environment environment) {
		ConnectionSettings database = Objects.requireNonNull(environment.database(), "environment.database()");
		return new SyncEndpoint("environment " + environment.name() + " (" + database + ")", database,
				environment.protectedEnvironment());
	}

	/**
	 * A database given by URL.
	 * @param database the connection settings
	 * @return the endpoint, not protected
	 */
	public static SyncEndpoint of(ConnectionSettings database) {
		return new SyncEndpoint(database.toString(), database, false);
	}

}
