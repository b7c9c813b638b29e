package dev.confiture.core.tenant;

import java.util.Objects;

import dev.confiture.core.config.ConnectionSource;

/**
 * One tenant of a fleet: a schema in the environment's database, or a database of its
 * own. {@link #toString()} never shows a password.
 *
 * @param name the tenant's name: the schema name, or the database name (with its server
 * when two servers hold databases of one name)
 * @param schema the tenant's schema, or {@code null} for a database tenant
 * @param server the server that holds the tenant ({@code host:port}), for grouping
 * @param database opens connections to the tenant's database
 * @param location the tenant's database for messages, without secrets
 */
public record Tenant(String name, String schema, String server, ConnectionSource database, String location) {

	public Tenant {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(server, "server");
		Objects.requireNonNull(database, "database");
		Objects.requireNonNull(location, "location");
	}

	/** Whether the tenant is a schema of a shared database. */
	public boolean isSchema() {
		return this.schema != null;
	}

	/** The tenant for messages, without secrets. */
	public String description() {
		return isSchema() ? "tenant " + this.name + " (schema " + this.schema + " of " + this.location + ")"
				: "tenant " + this.name + " (" + this.location + ")";
	}

	@Override
	public String toString() {
		return description();
	}

}
