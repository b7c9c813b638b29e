package dev.confiture.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes results as one JSON document: the machine, then per benchmark every contender's
 * samples, median, min and ratio, and the verdict.
 */
final class JsonReport {

	private JsonReport() {
	}

	static void write(Path file, MachineInfo machine, List<BenchmarkResult> results) throws IOException {
		StringBuilder json = new StringBuilder("{\n  \"machine\": {");
		json.append("\"processors\": ").append(machine.processors());
		json.append(", \"memory\": ").append(string(machine.memory()));
		json.append(", \"os\": ").append(string(machine.os()));
		json.append(", \"java\": ").append(string(machine.java()));
		json.append(", \"postgres\": ").append(string(machine.postgres()));
		json.append(", \"psql\": ").append(string(machine.psql())).append("},\n  \"benchmarks\": [");
		json.append(results.stream().map(JsonReport::benchmark).collect(Collectors.joining(",")));
		json.append("\n  ]\n}\n");
		Files.writeString(file, json, StandardCharsets.UTF_8);
	}

	private static String benchmark(BenchmarkResult result) {
		StringBuilder json = new StringBuilder("\n    {\"name\": ").append(string(result.name()));
		json.append(", \"description\": ").append(string(result.description()));
		json.append(", \"warmups\": ").append(result.warmups());
		json.append(", \"runs\": ").append(result.runs());
		json.append(", \"loadBefore\": ").append(string(result.loadBefore()));
		json.append(", \"loadAfter\": ").append(string(result.loadAfter()));
		json.append(", \"reference\": ").append((result.reference() != null) ? string(result.reference()) : "null");
		json.append(",\n     \"contenders\": [");
		json.append(result.contenders().stream().map((contender) -> {
			String ratio = result.ratio(contender).map(JsonReport::number).orElse("null");
			return "\n       {\"name\": " + string(contender.name()) + ", \"medianMs\": "
					+ number(contender.medianMillis()) + ", \"minMs\": " + number(contender.minMillis())
					+ ", \"ratio\": " + ratio + ", \"samplesMs\": ["
					+ contender.millis().stream().map(JsonReport::number).collect(Collectors.joining(", ")) + "]}";
		}).collect(Collectors.joining(",")));
		json.append("],\n     \"target\": ").append(string(result.target().text()));
		json.append(", \"result\": ").append(string(result.verdict().outcome().name().toLowerCase(Locale.ROOT)));
		json.append(", \"detail\": ").append(string(result.verdict().detail()));
		json.append(", \"notes\": [")
			.append(result.notes().stream().map(JsonReport::string).collect(Collectors.joining(", ")))
			.append("]}");
		return json.toString();
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.3f", value);
	}

	static String string(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
