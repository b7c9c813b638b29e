package dev.confiture.core.tenant;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;

/**
 * The environment's database: it holds the schema tenants and answers the tenant query.
 *
 * @param connections opens connections to it
 * @param description the database for messages, without secrets
 * @param settings its connection settings, or {@code null} when it is reached through a
 * data source (then database tenants need user and password in their URLs)
 */
record HomeDatabase(ConnectionSource connections, String description, ConnectionSettings settings) {

	/** The server, for grouping tenants. */
	String server() {
		return (this.settings != null) ? TenantDirectory.server(this.settings.jdbcUrl()) : "application";
	}

	@Override
	public String toString() {
		return this.description;
	}

}
