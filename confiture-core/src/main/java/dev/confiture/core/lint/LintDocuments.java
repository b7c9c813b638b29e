package dev.confiture.core.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports of a {@link LintResult}: text lines and SARIF 2.1.0 (the JSON report is
 * {@link LintDocument}), shared by every adapter so that each shows the same texts.
 */
final class LintDocuments {

	private LintDocuments() {
	}

	static List<String> lines(String environment, LintResult result) {
		List<String> lines = new ArrayList<>();
		lines.add("Linting " + result.files().size() + " migration(s) of environment " + environment
				+ (result.measured() ? ", measured on a shadow database built from " + result.startingSchema()
						: ", from the statements' text"));
		for (LintFinding finding : result.findings()) {
			lines.add(finding.location() + ": " + finding.severity() + " " + finding.rule().id()
					+ ((finding.object() != null) ? " " + finding.object() : "")
					+ ((finding.size() != null) ? " (" + finding.size() + ")" : ""));
			lines.add("  " + finding.message());
			lines.add("  Safe alternative: " + finding.alternative());
		}
		if (!result.suppressed().isEmpty()) {
			lines.add("Allowed by -- confiture:allow:");
			for (LintFinding finding : result.suppressed()) {
				lines.add("  " + finding.location() + ": " + finding.rule().id() + " (" + finding.suppression() + ")");
			}
		}
		result.notes().forEach((note) -> lines.add("Note: " + note));
		int errors = result.errors().size();
		int warnings = result.warnings().size();
		lines.add((errors + warnings == 0) ? "No findings."
				: errors + " error(s), " + warnings + " warning(s)." + ((errors > 0)
						? " Fix them, or allow one with -- confiture:allow RULE reason on the line above the statement."
						: ""));
		return lines;
	}

	static Map<String, Object> sarif(LintResult result) {
		List<Map<String, Object>> rules = new ArrayList<>();
		for (LintRule rule : LintRule.values()) {
			Map<String, Object> descriptor = new LinkedHashMap<>();
			descriptor.put("id", rule.id());
			descriptor.put("name", rule.name());
			descriptor.put("shortDescription", Map.of("text", rule.id().replace('-', ' ')));
			descriptor.put("help", Map.of("text", rule.alternative()));
			descriptor.put("defaultConfiguration", Map.of("level", level(rule)));
			descriptor.put("helpUri",
					"https://github.com/confiture/confiture-java/blob/main/docs/lint.md#" + rule.id());
			rules.add(descriptor);
		}
		List<Map<String, Object>> results = new ArrayList<>();
		result.findings().forEach((finding) -> results.add(sarifResult(finding)));
		result.suppressed().forEach((finding) -> results.add(sarifResult(finding)));
		Map<String, Object> driver = new LinkedHashMap<>();
		driver.put("name", "confiture");
		driver.put("informationUri", "https://github.com/confiture/confiture-java");
		driver.put("rules", rules);
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("tool", Map.of("driver", driver));
		run.put("results", results);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("$schema", LintResult.SARIF_SCHEMA);
		document.put("version", "2.1.0");
		document.put("runs", List.of(run));
		return document;
	}

	private static Map<String, Object> sarifResult(LintFinding finding) {
		Map<String, Object> region = Map.of("startLine", finding.line());
		Map<String, Object> artifact = new LinkedHashMap<>();
		artifact.put("uri", finding.file());
		artifact.put("uriBaseId", "%SRCROOT%");
		Map<String, Object> physical = new LinkedHashMap<>();
		physical.put("artifactLocation", artifact);
		physical.put("region", region);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("ruleId", finding.rule().id());
		entry.put("ruleIndex", finding.rule().ordinal());
		entry.put("level", level(finding.rule()));
		entry.put("message",
				Map.of("text", finding.message()
						+ ((finding.size() != null) ? " [" + finding.object() + ": " + finding.size() + "]" : "")
						+ " Safe alternative: " + finding.alternative()));
		entry.put("locations", List.of(Map.of("physicalLocation", physical)));
		if (finding.suppressed()) {
			entry.put("suppressions", List.of(Map.of("kind", "inSource", "justification", finding.suppression())));
		}
		return entry;
	}

	private static String level(LintRule rule) {
		return rule.severity().name().toLowerCase(Locale.ROOT);
	}

}
