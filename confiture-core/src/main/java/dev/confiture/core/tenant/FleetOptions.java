package dev.confiture.core.tenant;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.confiture.core.migrate.ChecksumPolicy;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.PostgresServer;

/**
 * How to run an operation over a fleet of tenants.
 *
 * @param action what to do to each tenant
 * @param tenants the tenants to handle by name, or empty for all
 * @param parallel how many tenants are handled at once, at least 1
 * @param maxPerServer how many tenants of one server are handled at once, at least 1
 * (each uses up to two connections: one holds its lock)
 * @param failFast stop starting tenants after the first one that is not up to date
 * @param lockWait how long to wait for another runner's lock on one tenant
 * @param checksumPolicy what to do when an applied migration's file changed
 * @param listener follows the progress
 * @param shadowServer where the schema files are built to verify tenants, or {@code null}
 * for the environment's server
 */
public record FleetOptions(FleetAction action, List<String> tenants, int parallel, int maxPerServer, boolean failFast,
		Duration lockWait, ChecksumPolicy checksumPolicy, FleetListener listener, PostgresServer shadowServer) {

	/** The largest accepted value of {@code parallel} and {@code maxPerServer}. */
	public static final int MAX_PARALLEL = 256;

	public FleetOptions {
		Objects.requireNonNull(action, "action");
		tenants = List.copyOf(tenants);
		Objects.requireNonNull(lockWait, "lockWait");
		Objects.requireNonNull(checksumPolicy, "checksumPolicy");
		listener = (listener != null) ? listener : FleetListener.NONE;
	}

	/** Every tenant, four at a time, going on after failures. */
	public static FleetOptions of(FleetAction action) {
		return new FleetOptions(action, List.of(), 4, 4, false, Migrator.DEFAULT_LOCK_WAIT, ChecksumPolicy.FAIL,
				FleetListener.NONE, null);
	}

	/** These options for some tenants only. */
	public FleetOptions withTenants(List<String> tenants) {
		return new FleetOptions(this.action, tenants, this.parallel, this.maxPerServer, this.failFast, this.lockWait,
				this.checksumPolicy, this.listener, this.shadowServer);
	}

	/** These options with other bounds. */
	public FleetOptions withParallel(int parallel, int maxPerServer) {
		return new FleetOptions(this.action, this.tenants, parallel, maxPerServer, this.failFast, this.lockWait,
				this.checksumPolicy, this.listener, this.shadowServer);
	}

	/** These options stopping (or not) at the first failure. */
	public FleetOptions withFailFast(boolean failFast) {
		return new FleetOptions(this.action, this.tenants, this.parallel, this.maxPerServer, failFast, this.lockWait,
				this.checksumPolicy, this.listener, this.shadowServer);
	}

	/** These options with another lock wait. */
	public FleetOptions withLockWait(Duration lockWait) {
		return new FleetOptions(this.action, this.tenants, this.parallel, this.maxPerServer, this.failFast, lockWait,
				this.checksumPolicy, this.listener, this.shadowServer);
	}

	/** These options with another checksum policy. */
	public FleetOptions withChecksumPolicy(ChecksumPolicy checksumPolicy) {
		return new FleetOptions(this.action, this.tenants, this.parallel, this.maxPerServer, this.failFast,
				this.lockWait, checksumPolicy, this.listener, this.shadowServer);
	}

	/** These options verifying on another server. */
	public FleetOptions withShadowServer(PostgresServer shadowServer) {
		return new FleetOptions(this.action, this.tenants, this.parallel, this.maxPerServer, this.failFast,
				this.lockWait, this.checksumPolicy, this.listener, shadowServer);
	}

	/** These options with a listener. */
	public FleetOptions withListener(FleetListener listener) {
		return new FleetOptions(this.action, this.tenants, this.parallel, this.maxPerServer, this.failFast,
				this.lockWait, this.checksumPolicy, listener, this.shadowServer);
	}

}
