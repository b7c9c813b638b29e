package dev.confiture.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.confiture.benchmarks.Verdict.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class HarnessTests {

	@Test
	void medianOfAnOddAndAnEvenNumberOfSamples() {
		assertThat(new ContenderResult("a", List.of(3_000_000L, 1_000_000L, 2_000_000L)).medianMillis()).isEqualTo(2.0);
		assertThat(new ContenderResult("a", List.of(4_000_000L, 1_000_000L, 2_000_000L, 3_000_000L)).medianMillis())
			.isEqualTo(2.5);
		assertThat(new ContenderResult("a", List.of(4_000_000L, 1_000_000L)).minMillis()).isEqualTo(1.0);
	}

	@Test
	void ratioTargetComparesMedians() {
		List<ContenderResult> results = List.of(new ContenderResult("confiture", List.of(100_000_000L)),
				new ContenderResult("flyway", List.of(600_000_000L)));
		assertThat(Target.ratioAtMost("5x", "confiture", "flyway", 0.2).evaluate(results).outcome())
			.isEqualTo(Outcome.MET);
		assertThat(Target.ratioAtMost("no slower", "flyway", "confiture", 1.0).evaluate(results).outcome())
			.isEqualTo(Outcome.NOT_MET);
		assertThat(Target.ratioAtMost("psql", "confiture", "psql", 1.2).evaluate(results).outcome())
			.isEqualTo(Outcome.NOT_EVALUATED);
		assertThat(Target.medianAtMost("100 ms", "confiture", 100).evaluate(results).outcome()).isEqualTo(Outcome.MET);
	}

	@Test
	void shareOfAdditionIsJudgedOnTheMediansAndShowsTheOtherEstimates() {
		List<ContenderResult> results = List.of(
				new ContenderResult("confiture", List.of(1_100_000_000L, 2_100_000_000L, 1_120_000_000L)),
				new ContenderResult("flyway", List.of(1_500_000_000L, 2_500_000_000L, 1_400_000_000L)),
				new ContenderResult("neither", List.of(1_000_000_000L, 2_000_000_000L, 1_000_000_000L)));
		assertThat(Target.pairedAddition(results.get(0), results.get(2))).isEqualTo(100.0);
		assertThat(Target.pairedAddition(results.get(1), results.get(2))).isEqualTo(500.0);
		// medians: confiture adds 120 ms, flyway 500 ms: 0.24x
		Verdict quarter = Target.addsAtMostShareOf("a quarter", "confiture", "flyway", "neither", 0.25)
			.evaluate(results);
		assertThat(quarter.outcome()).isEqualTo(Outcome.MET);
		assertThat(quarter.detail()).contains("adds 120.0 ms", "adds 500.0 ms", "(0.24x; limit 0.25x)",
				"rounds' own differences 0.20x");
		assertThat(
				Target.addsAtMostShareOf("a fifth", "confiture", "flyway", "neither", 0.2).evaluate(results).outcome())
			.isEqualTo(Outcome.NOT_MET);
	}

	@Test
	void addedTimeTargetSubtractsTheBaseline() {
		List<ContenderResult> results = List.of(new ContenderResult("confiture", List.of(1_300_000_000L)),
				new ContenderResult("flyway", List.of(1_500_000_000L)),
				new ContenderResult("neither", List.of(1_000_000_000L)));
		assertThat(Target.addsLessThan("adds less", "confiture", "flyway", "neither").evaluate(results).outcome())
			.isEqualTo(Outcome.MET);
		assertThat(Target.addsLessThan("adds less", "flyway", "confiture", "neither").evaluate(results).outcome())
			.isEqualTo(Outcome.NOT_MET);
		assertThat(Target.addsLessThan("adds less", "confiture", "flyway", "none").evaluate(results).outcome())
			.isEqualTo(Outcome.NOT_EVALUATED);
		assertThat(Target
			.allOf("both", Target.medianAtMost("1.4 s", "confiture", 1400),
					Target.ratioAtMost("1.2x", "confiture", "neither", 1.2))
			.evaluate(results)
			.outcome()).isEqualTo(Outcome.NOT_MET);
		assertThat(Target
			.allOf("both", Target.medianAtMost("1.4 s", "confiture", 1400),
					Target.ratioAtMost("1.4x", "confiture", "neither", 1.4))
			.evaluate(results)
			.outcome()).isEqualTo(Outcome.MET);
	}

	@Test
	void optionsAreParsed() {
		BenchmarkOptions options = BenchmarkOptions.parse("--runs", "3", "--warmup", "0", "discover-hash");
		assertThat(options.names()).containsExactly("discover-hash");
		assertThat(options.runs()).isEqualTo(3);
		assertThat(options.warmups()).isZero();
	}

	@Test
	void jsonStringsAreEscaped() {
		assertThat(JsonReport.string("a \"b\"\n\\")).isEqualTo("\"a \\\"b\\\"\\n\\\\\"");
	}

}
