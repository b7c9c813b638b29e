package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import dev.confiture.core.Confiture;
import dev.confiture.core.migrate.ChecksumPolicy;
import dev.confiture.core.tenant.FleetAction;
import dev.confiture.core.tenant.FleetListener;
import dev.confiture.core.tenant.FleetOptions;
import dev.confiture.core.tenant.FleetProgress;
import dev.confiture.core.tenant.FleetResult;
import dev.confiture.core.tenant.TenantOutcome;

/**
 * Options of the {@code migrate} commands that work on every tenant of the environment:
 * {@code --all-tenants}, {@code --tenant}, {@code --parallel}, {@code --max-per-server},
 * {@code --fail-fast} or {@code --continue}.
 */
class FleetCliOptions {

	@Option(names = "--all-tenants",
			description = "Work on every tenant of the environment (its tenants: block) instead of its database.")
	boolean allTenants;

	@Option(names = "--tenant", paramLabel = "NAME", description = "With --all-tenants: only this tenant (repeatable).")
	List<String> tenants = new ArrayList<>();

	@Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
			description = "With --all-tenants: tenants handled at once (default: 4).")
	int parallel = 4;

	@Option(names = "--max-per-server", paramLabel = "N",
			description = "With --all-tenants: tenants of one server handled at once (default: --parallel); "
					+ "each uses up to two connections.")
	Integer maxPerServer;

	@ArgGroup(exclusive = true)
	Failure failure = new Failure();

	static final class Failure {

		@Option(names = "--fail-fast", description = "With --all-tenants: start no more tenants after one fails.")
		boolean failFast;

		@Option(names = "--continue", description = "With --all-tenants: go on after failures (default).")
		boolean goOn;

	}

	/** Whether the command works on the tenants. */
	boolean active() {
		return this.allTenants || !this.tenants.isEmpty();
	}

	/**
	 * Runs the fleet operation and prints progress, the final table or JSON.
	 * @param action what to do to each tenant
	 * @param confiture the environment
	 * @param output where and how to print
	 * @param lockWait how long to wait for a tenant's lock
	 * @param checksumPolicy what to do when an applied migration changed
	 * @return the exit code: 0 when every tenant is up to date, else 1
	 */
	int run(FleetAction action, Confiture confiture, OutputOptions output, java.time.Duration lockWait,
			ChecksumPolicy checksumPolicy, dev.confiture.core.server.PostgresServer shadowServer) {
		PrintWriter out = output.out();
		boolean text = !output.json();
		check(output, "--parallel", this.parallel);
		if (this.maxPerServer != null) {
			check(output, "--max-per-server", this.maxPerServer);
		}
		FleetOptions options = FleetOptions.of(action)
			.withTenants(this.tenants)
			.withParallel(this.parallel, (this.maxPerServer != null) ? this.maxPerServer : this.parallel)
			.withFailFast(this.failure.failFast)
			.withLockWait((lockWait != null) ? lockWait : Confiture.DEFAULT_LOCK_WAIT)
			.withChecksumPolicy((checksumPolicy != null) ? checksumPolicy : ChecksumPolicy.FAIL)
			.withShadowServer(shadowServer)
			.withListener(text ? new Progress(output.err(), System.console() != null) : FleetListener.NONE);
		FleetResult result = confiture.fleet(options);
		if (text) {
			print(out, result);
		}
		else {
			Json.write(out, document(result));
		}
		out.flush();
		return result.allUpToDate() ? ExitCodes.OK : 1;
	}

	private static void check(OutputOptions output, String option, int value) {
		if (value < 1 || value > FleetOptions.MAX_PARALLEL) {
			throw new ParameterException(output.spec.commandLine(), option + " must be from 1 to "
					+ FleetOptions.MAX_PARALLEL + ", not " + value + "; nothing was run");
		}
	}

	static void print(PrintWriter out, FleetResult result) {
		if (result.tenants().isEmpty()) {
			out.println("No tenants: no schema matches the environment's tenants pattern. "
					+ "Create one with confiture tenant create NAME.");
			return;
		}
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "Tenant", "State", "Version", "Applied", "Pending", "Time" });
		for (TenantOutcome tenant : result.tenants()) {
			rows.add(new String[] { tenant.tenant(), tenant.state().label(),
					(tenant.currentVersion() != null) ? tenant.currentVersion() : "-",
					String.join(" ", tenant.appliedVersions()), String.valueOf(tenant.pendingVersions().size()),
					BuildCommand.seconds(tenant.durationMs()) });
		}
		table(out, rows);
		List<TenantOutcome> problems = result.problems();
		for (TenantOutcome problem : problems) {
			if (problem.error() != null) {
				out.println();
				out.println(problem.tenant() + ": " + problem.error());
				problem.differences().stream().limit(20).forEach((difference) -> out.println("  " + difference));
				String hint = hint(problem);
				if (hint != null) {
					out.println("  " + hint);
				}
			}
		}
		out.println();
		StringBuilder counts = new StringBuilder();
		result.counts().forEach((state, count) -> counts.append(", ").append(count).append(' ').append(state.label()));
		out.printf(Locale.ROOT, "%d tenant(s) in %s: %s%n", result.tenants().size(),
				BuildCommand.seconds(result.durationMs()), (counts.length() > 0) ? counts.substring(2) : "none");
		if (!problems.isEmpty()) {
			out.println("Not up to date: " + String.join(", ", problems.stream().map(TenantOutcome::tenant).toList())
					+ ". Fix them and run the command again; tenants already up to date cost one check each.");
		}
	}

	static FleetDocument document(FleetResult result) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		result.counts().forEach((state, count) -> counts.put(state.label(), count));
		return new FleetDocument(result.allUpToDate(), result.action().name().toLowerCase(Locale.ROOT),
				result.durationMs(), counts, result.tenants().stream().map(FleetCliOptions::tenant).toList());
	}

	private static TenantDocument tenant(TenantOutcome outcome) {
		return new TenantDocument(outcome.tenant(), outcome.server(), outcome.state().label(), outcome.currentVersion(),
				outcome.appliedVersions(), outcome.pendingVersions(), outcome.differences(), outcome.durationMs(),
				outcome.error(), hint(outcome));
	}

	private static String hint(TenantOutcome outcome) {
		return (outcome.remedy() != null) ? RemedyText.of(outcome.remedy()) : outcome.hint();
	}

	/**
	 * The document of a fleet command: the outcome, the count of tenants per state (keyed
	 * by state, in the order of the states) and each tenant.
	 */
	record FleetDocument(boolean ok, String action, long durationMs, Map<String, Integer> counts,
			List<TenantDocument> tenants) {
	}

	/**
	 * One tenant of a fleet command: where it stands, what was applied, why it failed.
	 */
	record TenantDocument(String tenant, String server, String state, String currentVersion,
			List<String> appliedVersions, List<String> pendingVersions, List<String> differences, long durationMs,
			String error, String hint) {
	}

	/**
	 * A live line on a terminal (done, failed, remaining, rate, ETA); one line per
	 * finished tenant otherwise.
	 */
	static final class Progress implements FleetListener {

		private final PrintWriter err;

		private final boolean terminal;

		Progress(PrintWriter err, boolean terminal) {
			this.err = err;
			this.terminal = terminal;
		}

		@Override
		public void finished(TenantOutcome outcome, FleetProgress progress) {
			if (this.terminal) {
				this.err.printf(Locale.ROOT, "\r%d done, %d failed, %d remaining, %.1f tenants/s, ETA %s   ",
						progress.done(), progress.failed(), progress.remaining(), progress.rate(),
						(progress.etaMs() >= 0) ? BuildCommand.seconds(progress.etaMs()) : "-");
				if (progress.remaining() == 0) {
					this.err.println();
				}
			}
			else {
				this.err.printf(Locale.ROOT, "[%d/%d] %s %s%s%n", progress.done() + progress.failed(), progress.total(),
						outcome.tenant(), outcome.state().label(), outcome.appliedVersions().isEmpty() ? ""
								: " (" + String.join(", ", outcome.appliedVersions()) + ")");
			}
			this.err.flush();
		}

	}

	static void table(PrintWriter out, List<String[]> rows) {
		int[] widths = new int[rows.get(0).length];
		rows.forEach((row) -> {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		});
		for (String[] row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.length; i++) {
				line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i])).append("  ");
			}
			out.println(line.toString().stripTrailing());
		}
	}

}
