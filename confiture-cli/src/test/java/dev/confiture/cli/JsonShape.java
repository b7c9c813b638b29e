package dev.confiture.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keys of a JSON object printed by {@code --format json}, in document order, each
 * with the type of its value ({@code "ok boolean"}, {@code "durationMs number"}, ...).
 */
final class JsonShape {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private JsonShape() {
	}

	/**
	 * The shape of the object at a JSON pointer of a document.
	 * @param json the document
	 * @param pointer where the object is ({@code ""} for the top level, {@code /tables/0}
	 * for the first table)
	 * @return one {@code "key type"} per property, in order
	 */
	static List<String> of(String json, String pointer) {
		JsonNode node = mapper.readTree(json).at(pointer);
		assertThat(node.isObject()).as("object at '" + pointer + "' in " + json).isTrue();
		List<String> shape = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			shape.add(property.getKey() + " " + property.getValue().getNodeType().name().toLowerCase(Locale.ROOT));
		}
		return shape;
	}

}
