package dev.confiture.core.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.build.DatabaseContents;
import dev.confiture.core.internal.Identifiers;
import dev.confiture.core.migrate.ExecutedMigration;
import dev.confiture.core.migrate.MigrationListener;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.MigrationState;
import dev.confiture.core.migrate.MigrationStatus;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.migrate.StatusReport;

/**
 * What a fleet does to one tenant: read its state (probe), apply its pending migrations,
 * or compare it with the expected structure. Never throws for a tenant's own problem: the
 * outcome says what went wrong.
 */
final class TenantWork {

	private final Migrator base;

	private final String trackingTable;

	TenantWork(Migrator base, String environmentTrackingTable) {
		this.base = base;
		this.trackingTable = environmentTrackingTable;
	}

	/**
	 * The tracking table of a tenant: in its schema, or as configured in its database.
	 */
	String trackingTable(Tenant tenant) {
		if (!tenant.isSchema()) {
			return this.trackingTable;
		}
		int dot = this.trackingTable.lastIndexOf('.');
		String table = (dot >= 0) ? this.trackingTable.substring(dot + 1) : this.trackingTable;
		return Identifiers.quote(tenant.schema()) + "." + table;
	}

	Migrator migrator(Tenant tenant, DataSource dataSource, MigrationListener listener) {
		return this.base.withTarget(dataSource, tenant.description(), trackingTable(tenant), listener);
	}

	/**
	 * A tenant's migrator that finds the migrations only when an operation needs them.
	 */
	Migrator lazyMigrator(Tenant tenant, DataSource dataSource) {
		return this.base.withTargetLazily(dataSource, tenant.description(), trackingTable(tenant));
	}

	/**
	 * Reads where a tenant stands: its migrations and the fingerprint of its structure.
	 * The versions, lists and fingerprint kept are the instances of {@code shared}.
	 */
	Probe probe(Tenant tenant, DataSource dataSource, SharedValues shared) {
		long start = System.nanoTime();
		try {
			StatusReport status = migrator(tenant, dataSource, null).status();
			List<String> applied = new ArrayList<>();
			List<String> pending = new ArrayList<>();
			List<String> changed = new ArrayList<>();
			for (MigrationStatus migration : status.migrations()) {
				if (migration.state() == MigrationState.PENDING) {
					pending.add(migration.version());
				}
				else {
					applied.add(migration.version());
				}
				if (migration.state() == MigrationState.CHECKSUM_MISMATCH) {
					changed.add(migration.version() + "_" + migration.name() + " (" + migration.location() + ")");
				}
			}
			String fingerprint;
			boolean empty;
			try (Connection connection = dataSource.getConnection()) {
				Set<String> lines = Structure.read(connection, tenant.schema());
				fingerprint = Structure.fingerprint(lines);
				empty = tenant.isSchema() ? lines.isEmpty() : DatabaseContents.userObjects(connection).isEmpty();
			}
			String current = applied.isEmpty() ? null : applied.get(applied.size() - 1);
			String peers = applied.size() + ":" + Integer.toHexString(applied.hashCode());
			return new Probe(tenant, status.initialized(), shared.string(current), shared.string(peers),
					shared.list(pending), List.copyOf(changed), shared.string(fingerprint), empty, null,
					elapsed(start));
		}
		catch (ConfitureException ex) {
			return new Probe(tenant, false, null, "", List.of(), List.of(), null, false, ex, elapsed(start));
		}
		catch (SQLException ex) {
			return new Probe(tenant, false, null, "", List.of(), List.of(), null, false,
					new ConfitureException(Category.DATABASE,
							"Could not read " + tenant.description() + ": " + ex.getMessage(),
							"Check that PostgreSQL is running and reachable", ex),
					elapsed(start));
		}
	}

	/**
	 * Applies the pending migrations of a tenant. The version lists of the outcome are
	 * the instances of {@code shared}.
	 */
	TenantOutcome migrate(Probe probe, DataSource dataSource, SharedValues shared) {
		long start = System.nanoTime();
		List<String> applied = Collections.synchronizedList(new ArrayList<>());
		MigrationListener listener = new MigrationListener() {

			@Override
			public void completed(ExecutedMigration migration) {
				if (migration.outcome() == ExecutedMigration.Outcome.DONE) {
					applied.add(migration.migration().version());
				}
			}

		};
		Tenant tenant = probe.tenant();
		try {
			MigrationRun run = migrator(tenant, dataSource, listener).up();
			List<String> versions = shared.list(run.migrations()
				.stream()
				.filter((migration) -> migration.outcome() == ExecutedMigration.Outcome.DONE)
				.map((migration) -> migration.migration().version())
				.toList());
			String current = versions.isEmpty() ? probe.currentVersion() : versions.get(versions.size() - 1);
			return new TenantOutcome(tenant.name(), tenant.server(),
					versions.isEmpty() ? TenantState.UP_TO_DATE : TenantState.MIGRATED, current, versions, List.of(),
					List.of(), probe.durationMs() + elapsed(start), null, null);
		}
		catch (ConfitureException ex) {
			List<String> done = shared.list(List.copyOf(applied));
			List<String> pending = shared
				.list(probe.pending().stream().filter((version) -> !done.contains(version)).toList());
			TenantState state = (ex.category() == Category.LOCK) ? TenantState.LOCKED : TenantState.FAILED;
			return new TenantOutcome(tenant.name(), tenant.server(), state,
					done.isEmpty() ? probe.currentVersion() : done.get(done.size() - 1), done, pending, List.of(),
					probe.durationMs() + elapsed(start), ex.getMessage(), ex.hint(), ex.remedy());
		}
	}

	/**
	 * What a probe says when nothing is applied: up to date, or why the tenant is left
	 * alone.
	 * @param probe the probe
	 * @param migrating whether pending migrations would be applied next
	 * @return the outcome, or {@code null} when the tenant should be migrated
	 */
	static TenantOutcome judge(Probe probe, boolean migrating) {
		Tenant tenant = probe.tenant();
		if (probe.failure() != null) {
			ConfitureException failure = probe.failure();
			return outcome(probe, (failure.category() == Category.LOCK) ? TenantState.LOCKED : TenantState.FAILED,
					failure.getMessage(), failure.hint(), failure.remedy());
		}
		if (!probe.changed().isEmpty()) {
			return outcome(probe, TenantState.CHECKSUM_CHANGED,
					"Applied migration" + ((probe.changed().size() > 1) ? "s " : " ")
							+ String.join(", ", probe.changed()) + " changed since applied to " + tenant.description()
							+ "; the tenant was skipped",
					"Restore the applied file as it was and put the change in a new migration");
		}
		if (!probe.initialized() && !probe.empty()) {
			return outcome(probe, TenantState.NOT_INITIALIZED,
					tenant.description() + " has objects but no tracking table; the tenant was skipped",
					"Baseline the tenant (record the migrations it already contains), or create it from the schema files");
		}
		if (probe.pending().isEmpty() && probe.initialized()) {
			return outcome(probe, TenantState.UP_TO_DATE, null, null);
		}
		if (!migrating) {
			return outcome(probe, probe.initialized() ? TenantState.PENDING : TenantState.NOT_INITIALIZED, null, null);
		}
		return null;
	}

	static TenantOutcome outcome(Probe probe, TenantState state, String error, String hint) {
		return outcome(probe, state, error, hint, null);
	}

	static TenantOutcome outcome(Probe probe, TenantState state, String error, String hint, Remedy remedy) {
		return new TenantOutcome(probe.tenant().name(), probe.tenant().server(), state, probe.currentVersion(),
				List.of(), probe.pending(), List.of(), probe.durationMs(), error, hint, remedy);
	}

	static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * Where a tenant stands before anything changes.
	 */
	record Probe(Tenant tenant, boolean initialized, String currentVersion, String peerKey, List<String> pending,
			List<String> changed, String fingerprint, boolean empty, ConfitureException failure, long durationMs) {

	}

}
