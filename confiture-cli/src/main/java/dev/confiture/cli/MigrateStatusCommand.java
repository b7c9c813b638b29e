package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;

/**
 * {@code confiture migrate status}: every migration and whether it is applied. Read-only.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Show every migration: applied, pending, checksum-mismatch or missing-file. Read-only.",
				"Exit 0 when up to date, 1 when migrations are pending (or a file changed), 2 when not initialised." })
class MigrateStatusCommand implements Callable<Integer> {

	static final int PENDING = 1;

	static final int NOT_INITIALIZED = 2;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	FleetCliOptions fleet;

	@Override
	public Integer call() {
		if (this.fleet.active()) {
			return this.fleet.run(dev.confiture.core.tenant.FleetAction.STATUS, this.environment.configure().load(),
					this.output, null, null, null);
		}
		PrintWriter out = this.output.out();
		StatusReport report = this.environment.configure()
			.requireMigrationsDirectory(true)
			.load()
			.status(StatusOptions.defaults());
		int exitCode = !report.initialized() ? NOT_INITIALIZED : report.needsAttention() ? PENDING : ExitCodes.OK;
		if (this.output.json()) {
			Json.write(out, document(report));
			return exitCode;
		}
		report.lines().forEach(out::println);
		if (!report.initialized()) {
			out.println("Not initialised: tracking table " + report.trackingTable()
					+ " does not exist. Run confiture migrate up (or confiture build) to create it.");
		}
		if (report.missingFileCount() > 0) {
			out.println(report.missingFileCount() + " applied migration(s) have no file any more: restore them from "
					+ "version control, or the database holds changes that the project no longer describes.");
		}
		if (!report.invalidIndexes().isEmpty()) {
			out.println("INVALID indexes (a failed CREATE INDEX CONCURRENTLY; not used, uniqueness not enforced): "
					+ Summary.of(report.invalidIndexes())
					+ ". Drop them (DROP INDEX CONCURRENTLY) and create them again.");
		}
		out.flush();
		return exitCode;
	}

	private static StatusDocument document(StatusReport report) {
		List<MigrationEntry> migrations = report.migrations()
			.stream()
			.map((status) -> new MigrationEntry(status.version(), status.name(), status.state().label(),
					MigrationDocuments.lower(status.kind()), status.location(), status.reversible(),
					(status.appliedAt() != null) ? status.appliedAt().toString() : null, status.appliedBy(),
					status.executionMs()))
			.toList();
		StatusSummary summary = new StatusSummary(report.migrations().size(), report.appliedCount(),
				report.pendingCount(), report.missingFileCount());
		return new StatusDocument(true, report.trackingTable(), report.initialized(), migrations,
				report.invalidIndexes(), summary);
	}

	/** The document of {@code migrate status}. */
	record StatusDocument(boolean ok, String trackingTable, boolean initialized, List<MigrationEntry> migrations,
			List<String> invalidIndexes, StatusSummary summary) {

	}

	/** One migration of {@code migrate status}. */
	record MigrationEntry(String version, String name, String status, String kind, String location, boolean reversible,
			String appliedAt, String appliedBy, Long executionMs) {

	}

	/** The counts of {@code migrate status}. */
	record StatusSummary(int total, int applied, int pending, int missingFiles) {

	}

}
