package dev.confiture.cli;

import java.io.PrintWriter;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the JSON documents of {@code --format json}.
 */
final class Json {

	private static final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Json() {
	}

	static void write(PrintWriter out, Object document) {
		out.println(mapper.writeValueAsString(document));
		out.flush();
	}

}
