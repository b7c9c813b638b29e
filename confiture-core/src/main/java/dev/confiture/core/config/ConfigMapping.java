package dev.confiture.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import dev.confiture.core.api.Remedy;

/**
 * A YAML mapping of a configuration file, read with line numbers. Values are returned
 * with {@code ${VAR}} references substituted; a key whose value is YAML {@code null} (or
 * empty) counts as absent.
 */
final class ConfigMapping {

	private static final Map<String, String> FORMER_NAMES = Map.of("migration_table", "tracking_table",
			"migrations_table", "tracking_table", "url", "database_url", "db_url", "database_url", "dsn",
			"database_url", "jdbc_url", "database_url", "seed_dirs", "seeds");

	private final Path file;

	private final int line;

	private final VariableSubstitution substitution;

	private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

	/**
	 * Reads a mapping.
	 * @param file the file it belongs to
	 * @param node the mapping, or {@code null} for an empty one
	 * @param substitution substitutes variables in values
	 * @throws ConfigurationException if a key is not a plain name or appears twice
	 */
	ConfigMapping(Path file, MappingNode node, VariableSubstitution substitution) {
		this(file, node, (node != null) ? line(node) : 0, substitution);
	}

	private ConfigMapping(Path file, MappingNode node, int line, VariableSubstitution substitution) {
		this.file = file;
		this.line = line;
		this.substitution = substitution;
		if (node != null) {
			for (NodeTuple entry : node.getValue()) {
				add(entry);
			}
		}
	}

	private void add(NodeTuple entry) {
		Node keyNode = entry.getKeyNode();
		if (Tag.MERGE.equals(keyNode.getTag())) {
			throw error(keyNode, "YAML merge keys ('<<') are not supported",
					"Write the settings out where they are needed");
		}
		if (!(keyNode instanceof ScalarNode scalar)) {
			throw error(keyNode, "Keys must be plain names, not " + describe(keyNode),
					"Write a name followed by ':', as in 'database_url:'");
		}
		NodeTuple previous = this.entries.putIfAbsent(scalar.getValue(), entry);
		if (previous != null) {
			throw error(keyNode,
					"Key '" + scalar.getValue() + "' appears twice (first on line " + line(previous.getKeyNode()) + ")",
					"Remove one of them");
		}
	}

	/** The file this mapping belongs to. */
	Path file() {
		return this.file;
	}

	/** The line the mapping starts on, or {@code 0} for an empty document. */
	int line() {
		return this.line;
	}

	/** The keys, in file order. */
	Set<String> keys() {
		return this.entries.keySet();
	}

	/**
	 * Rejects any key that is not known, suggesting the closest known key.
	 * @param known the keys allowed here
	 * @param where where the mapping is, for messages (e.g. "in the 'database' block")
	 */
	void requireKnownKeys(Collection<String> known, String where) {
		for (NodeTuple entry : this.entries.values()) {
			String key = ((ScalarNode) entry.getKeyNode()).getValue();
			if (!known.contains(key)) {
				String suggestion = FORMER_NAMES.get(key);
				if (suggestion == null || !known.contains(suggestion)) {
					suggestion = Suggestions.closest(key, known);
				}
				String fix = (suggestion != null) ? "Did you mean '" + suggestion + "'?"
						: "Remove it; the keys allowed " + where + " are: " + String.join(", ", known);
				throw error(entry.getKeyNode(), "Unknown key '" + key + "' " + where, fix);
			}
		}
	}

	/** Whether the key's value is a mapping. */
	boolean isMapping(String key) {
		return valueNode(key) instanceof MappingNode;
	}

	/** Whether the key is present with a non-null value. */
	boolean contains(String key) {
		return valueNode(key) != null;
	}

	/** The line of the key, or of the mapping when the key is absent. */
	int keyLine(String key) {
		NodeTuple entry = this.entries.get(key);
		return (entry != null) ? line(entry.getKeyNode()) : this.line;
	}

	/**
	 * Returns a single value.
	 * @param key the key
	 * @param expected what the value should be, for messages (e.g. "a port number")
	 * @return the value, or {@code null} when absent
	 */
	Value scalar(String key, String expected) {
		Node node = valueNode(key);
		if (node == null) {
			return null;
		}
		if (!(node instanceof ScalarNode scalar)) {
			throw error(node, "'" + key + "' must be " + expected + ", not " + describe(node),
					"Write a single value on the same line, as in '" + key + ": value'");
		}
		return value(key, scalar);
	}

	/**
	 * Returns a list of values; a single value is accepted as a list of one.
	 * @param key the key
	 * @param expected what each item should be, for messages (e.g. "a path")
	 * @return the values, empty when absent
	 */
	List<Value> list(String key, String expected) {
		Node node = valueNode(key);
		if (node == null) {
			return List.of();
		}
		if (node instanceof ScalarNode scalar) {
			return List.of(value(key, scalar));
		}
		if (!(node instanceof SequenceNode sequence)) {
			throw error(node, "'" + key + "' must be " + expected + " or a list of them, not " + describe(node),
					"Write one item per line, as in '" + key + ":' followed by '  - item'");
		}
		List<Value> values = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			if (!(item instanceof ScalarNode scalar) || isNull(item)) {
				throw error(item, "Each item of '" + key + "' must be " + expected + ", not " + describe(item),
						"Write one item per line, as in '  - item'");
			}
			values.add(value(key, scalar));
		}
		return values;
	}

	/**
	 * Returns a nested mapping; a key with an empty value gives an empty mapping.
	 * @param key the key
	 * @param example an example of the expected content, for messages
	 * @return the mapping, or {@code null} when the key is absent
	 */
	ConfigMapping mapping(String key, String example) {
		if (!this.entries.containsKey(key)) {
			return null;
		}
		Node node = valueNode(key);
		if (node == null) {
			return new ConfigMapping(this.file, null, keyLine(key), this.substitution);
		}
		if (!(node instanceof MappingNode mapping)) {
			throw error(node, "'" + key + "' must be a mapping of keys to values, not " + describe(node),
					"Indent the entries under it, as in '" + key + ":' followed by '  " + example + "'");
		}
		return new ConfigMapping(this.file, mapping, this.substitution);
	}

	ConfigurationException error(Node node, String problem, String fix) {
		return new ConfigurationException(this.file, line(node), problem, fix);
	}

	ConfigurationException error(int line, String problem, String fix) {
		return new ConfigurationException(this.file, line, problem, fix);
	}

	ConfigurationException error(int line, String problem, Remedy remedy) {
		return new ConfigurationException(this.file, line, problem, remedy);
	}

	private Node valueNode(String key) {
		NodeTuple entry = this.entries.get(key);
		return (entry != null && !isNull(entry.getValueNode())) ? entry.getValueNode() : null;
	}

	private Value value(String key, ScalarNode node) {
		int line = line(node);
		String written = node.getValue();
		return new Value(key, written, this.substitution.substitute(written, key, this.file, line), line);
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

	static int line(Node node) {
		return (node.getStartMark() != null) ? node.getStartMark().getLine() + 1 : 0;
	}

	static String describe(Node node) {
		if (node instanceof MappingNode) {
			return "a mapping";
		}
		if (node instanceof SequenceNode) {
			return "a list";
		}
		return isNull(node) ? "an empty value" : "a single value";
	}

	/**
	 * One value of a mapping.
	 *
	 * @param key the key it belongs to
	 * @param written the value as written in the file
	 * @param value the value with variables substituted
	 * @param line the 1-based line of the value
	 */
	record Value(String key, String written, String value, int line) {

		/** Whether the written value references a variable. */
		boolean substituted() {
			return this.written.contains("${");
		}

		@Override
		public String toString() {
			return "'" + this.key + "' on line " + this.line;
		}

	}

}
