package dev.confiture.core.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.confiture.core.config.ConnectionSettings;

/**
 * The shared test server, counting how often it was asked for and how many databases were
 * created on it (tests that show when a shadow database is, or is not, built).
 */
public final class CountingServer implements PostgresServer, Supplier<PostgresServer> {

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger databases = new AtomicInteger();

	@Override
	public PostgresServer get() {
		this.requests.incrementAndGet();
		return this;
	}

	/** How often the server was asked for. */
	public int requests() {
		return this.requests.get();
	}

	/** How many databases were created. */
	public int databases() {
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
