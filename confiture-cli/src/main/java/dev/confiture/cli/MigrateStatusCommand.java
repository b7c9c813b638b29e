package dev.confiture.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.confiture.core.migrate.MigrationStatus;
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

	private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		PrintWriter out = this.output.out();
		StatusReport report = this.environment.configure()
			.requireMigrationsDirectory(true)
			.load()
			.status(StatusOptions.defaults());
		int exitCode = !report.initialized() ? NOT_INITIALIZED
				: (report.pendingCount() > 0 || report.hasChecksumMismatch()) ? PENDING : ExitCodes.OK;
		if (this.output.json()) {
			Json.write(out, document(report));
			return exitCode;
		}
		out.println("Migrations (tracking table " + report.trackingTable() + ")");
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "Version", "Name", "Status", "Applied at" });
		for (MigrationStatus status : report.migrations()) {
			rows.add(new String[] { status.version(), status.name(), label(status),
					(status.appliedAt() != null)
							? APPLIED_AT.format(status.appliedAt().atZoneSameInstant(ZoneId.systemDefault())) : "" });
		}
		printTable(out, rows);
		out.printf(Locale.ROOT, "Total: %d migrations (%d applied, %d pending)%n", report.migrations().size(),
				report.appliedCount(), report.pendingCount());
		if (!report.initialized()) {
			out.println("Not initialised: tracking table " + report.trackingTable()
					+ " does not exist. Run confiture migrate up (or confiture build) to create it.");
		}
		else if (report.hasChecksumMismatch()) {
			out.println("Applied migrations have changed since they were applied: restore them, and put changes in "
					+ "new migrations.");
		}
		out.flush();
		return exitCode;
	}

	private static String label(MigrationStatus status) {
		String label = status.state().label();
		return (!status.reversible() && status.location() != null) ? label + ", irreversible" : label;
	}

	private static void printTable(PrintWriter out, List<String[]> rows) {
		int[] widths = new int[rows.get(0).length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder border = new StringBuilder("+");
		for (int width : widths) {
			border.append("-".repeat(width + 2)).append('+');
		}
		out.println(border);
		for (int r = 0; r < rows.size(); r++) {
			StringBuilder line = new StringBuilder("|");
			for (int i = 0; i < widths.length; i++) {
				String cell = rows.get(r)[i];
				line.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
			}
			out.println(line);
			if (r == 0) {
				out.println(border);
			}
		}
		out.println(border);
	}

	private static Map<String, Object> document(StatusReport report) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("ok", true);
		document.put("trackingTable", report.trackingTable());
		document.put("initialized", report.initialized());
		document.put("migrations", report.migrations().stream().map((status) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("version", status.version());
			entry.put("name", status.name());
			entry.put("status", status.state().label());
			entry.put("kind", MigrationDocuments.lower(status.kind()));
			entry.put("location", status.location());
			entry.put("reversible", status.reversible());
			entry.put("appliedAt", (status.appliedAt() != null) ? status.appliedAt().toString() : null);
			entry.put("appliedBy", status.appliedBy());
			entry.put("executionMs", status.executionMs());
			return entry;
		}).toList());
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("total", report.migrations().size());
		summary.put("applied", report.appliedCount());
		summary.put("pending", report.pendingCount());
		document.put("summary", summary);
		return document;
	}

}
