package dev.confiture.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Prints results as Markdown: one table per benchmark, then a summary of the targets.
 */
final class MarkdownReport {

	private final PrintStream out;

	MarkdownReport(PrintStream out) {
		this.out = out;
	}

	void machine(MachineInfo machine) {
		this.out.println("## Machine");
		this.out.println();
		this.out.println("| | |");
		this.out.println("|---|---|");
		this.out.println("| processors | " + machine.processors() + " |");
		this.out.println("| memory | " + machine.memory() + " |");
		this.out.println("| OS | " + machine.os() + " |");
		this.out.println("| Java | " + machine.java() + " |");
		this.out.println("| PostgreSQL | " + machine.postgres() + " |");
		this.out.println("| psql | " + machine.psql() + " |");
		this.out.println();
	}

	void benchmark(BenchmarkResult result) {
		this.out.println("## " + result.name());
		this.out.println();
		this.out.println(result.description());
		this.out.println();
		this.out.println("Warm-up " + result.warmups() + ", measured " + result.runs()
				+ " per contender. One-minute load average: " + result.loadBefore() + " at the start, "
				+ result.loadAfter() + " at the end.");
		this.out.println();
		String ratioHeader = (result.reference() != null) ? "median / " + result.reference() : "ratio";
		this.out.println("| contender | median (ms) | min (ms) | " + ratioHeader + " |");
		this.out.println("|---|---:|---:|---:|");
		for (ContenderResult contender : result.contenders()) {
			this.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", contender.name(), contender.medianMillis(),
					contender.minMillis(),
					result.ratio(contender).map((ratio) -> String.format(Locale.ROOT, "%.2fx", ratio)).orElse("-"));
		}
		this.out.println();
		this.out.println("Target: " + result.target().text() + ": **" + result.verdict().outcome().text() + "** ("
				+ result.verdict().detail() + ")");
		for (String note : result.notes()) {
			this.out.println();
			this.out.println("Note: " + note);
		}
		this.out.println();
	}

	void summary(List<BenchmarkResult> results) {
		this.out.println("## Summary");
		this.out.println();
		this.out.println("| benchmark | target | figure | result |");
		this.out.println("|---|---|---|---|");
		for (BenchmarkResult result : results) {
			this.out.println("| " + result.name() + " | " + result.target().text() + " | " + result.verdict().detail()
					+ " | " + result.verdict().outcome().text() + " |");
		}
		this.out.println();
	}

}
