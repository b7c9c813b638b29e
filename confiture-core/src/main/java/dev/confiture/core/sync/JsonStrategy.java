package dev.confiture.core.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies strategies to values inside a JSON document: paths are keys separated by dots,
 * {@code [*]} for every element of an array (e.g. {@code contact.email},
 * {@code children[*].name}). A path that a document lacks is left alone; a value that is
 * not valid JSON (in a text column) cannot be handled and stops the table's copy.
 */
final class JsonStrategy implements Strategy {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final Map<List<String>, Strategy> rules = new LinkedHashMap<>();

	JsonStrategy(Map<String, Strategy> rules) {
		rules.forEach((path, strategy) -> this.rules.put(parse(path), strategy));
	}

	static List<String> parse(String path) {
		List<String> steps = new ArrayList<>();
		for (String part : path.split("\\.")) {
			String name = part;
			while (name.endsWith("[*]")) {
				name = name.substring(0, name.length() - 3);
			}
			if (!name.isEmpty()) {
				steps.add(name);
			}
			for (int i = name.length(); i + 3 <= part.length(); i += 3) {
				steps.add("[*]");
			}
		}
		return steps;
	}

	@Override
	public String apply(String value, Row row) {
		if (value == null) {
			return null;
		}
		JsonNode document;
		try {
			document = mapper.readTree(value);
		}
		catch (JacksonException ex) {
			throw new Unsupported("not valid JSON");
		}
		JsonNode result = document;
		for (Map.Entry<List<String>, Strategy> rule : this.rules.entrySet()) {
			result = visit(result, rule.getKey(), 0, rule.getValue(), row);
		}
		return mapper.writeValueAsString(result);
	}

	private JsonNode visit(JsonNode node, List<String> path, int step, Strategy strategy, Row row) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return node;
		}
		if (step == path.size()) {
			if (node.isContainer()) {
				return node;
			}
			String replaced = strategy.apply(node.isString() ? node.asString() : node.toString(), row);
			return (replaced != null) ? mapper.getNodeFactory().stringNode(replaced)
					: mapper.getNodeFactory().nullNode();
		}
		String name = path.get(step);
		if (name.equals("[*]")) {
			if (node instanceof ArrayNode array) {
				for (int i = 0; i < array.size(); i++) {
					array.set(i, visit(array.get(i), path, step + 1, strategy, row));
				}
			}
			return node;
		}
		if (node instanceof ObjectNode object && object.has(name)) {
			object.set(name, visit(object.get(name), path, step + 1, strategy, row));
		}
		return node;
	}

	@Override
	public String describe() {
		return "json (" + this.rules.entrySet()
			.stream()
			.map((rule) -> String.join(".", rule.getKey()).replace(".[*]", "[*]") + ": " + rule.getValue().describe())
			.collect(Collectors.joining("; ")) + ")";
	}

	@Override
	public boolean needsRowKey() {
		return this.rules.values().stream().anyMatch(Strategy::needsRowKey);
	}

}
