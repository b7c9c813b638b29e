package dev.confiture.core.validate;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

/**
 * The shared test server, counting how often it was asked for and how many databases were
 * created on it.
 */
final class CountingServer implements PostgresServer, Supplier<PostgresServer> {

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger databases = new AtomicInteger();

	@Override
	public PostgresServer get() {
		this.requests.incrementAndGet();
		return this;
	}

	/** How often the server was asked for. */
	int requests() {
		return this.requests.get();
	}

	/** How many databases were created. */
	int databases() {
		return this.databases.get();
	}

	@Override
	public ScratchDatabase createDatabase(String template) {
		this.databases.incrementAndGet();
		return PostgresServer.super.createDatabase(template);
	}

	@Override
	public ConnectionSettings settings(String database) {
		return PostgresServers.shared().settings(database);
	}

	@Override
	public String adminDatabase() {
		return PostgresServers.shared().adminDatabase();
	}

	@Override
	public String description() {
		return "counting " + PostgresServers.shared().description();
	}

	@Override
	public void close() {
	}

}
