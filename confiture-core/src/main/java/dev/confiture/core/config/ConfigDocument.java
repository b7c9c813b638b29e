package dev.confiture.core.config;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * A YAML file other than an environment (e.g. anonymisation rules), read with the rules
 * of the environment files: {@code ${VAR}} and {@code ${VAR:-default}} substituted in
 * values, errors that name the file, the line and the fix, and "did you mean"
 * suggestions.
 */
public final class ConfigDocument {

	private final ConfigMapping mapping;

	private ConfigDocument(ConfigMapping mapping) {
		this.mapping = mapping;
	}

	/**
	 * Reads a file.
	 * @param file the file
	 * @param variables the variables for {@code ${VAR}} references (usually the process
	 * environment)
	 * @return its root mapping (empty for an empty file)
	 * @throws ConfigurationException if it cannot be read or is not a YAML mapping
	 */
	public static ConfigDocument read(Path file, Map<String, String> variables) {
		Path absolute = file.toAbsolutePath().normalize();
		return new ConfigDocument(
				new ConfigMapping(absolute, ConfigFile.read(absolute), new VariableSubstitution(variables)));
	}

	/** The file. */
	public Path file() {
		return this.mapping.file();
	}

	/** The keys, in file order. */
	public Set<String> keys() {
		return this.mapping.keys();
	}

	/** The line of a key, or of this mapping when the key is absent. */
	public int line(String key) {
		return this.mapping.keyLine(key);
	}

	/** Rejects any key that is not known, suggesting the closest known key. */
	public void requireKnownKeys(Collection<String> known, String where) {
		this.mapping.requireKnownKeys(known, where);
	}

	/**
	 * A single value, variables substituted.
	 * @param key the key
	 * @param expected what the value should be, for messages
	 * @return the value, or {@code null} when absent or empty
	 */
	public String string(String key, String expected) {
		ConfigMapping.Value value = this.mapping.scalar(key, expected);
		return (value != null) ? value.value() : null;
	}

	/** Whether the key's value, as written, references a variable ({@code ${VAR}}). */
	public boolean referencesVariable(String key) {
		ConfigMapping.Value value = this.mapping.scalar(key, "a value");
		return value != null && value.substituted();
	}

	/** Whether the key's value is a mapping. */
	public boolean isMapping(String key) {
		return this.mapping.isMapping(key);
	}

	/**
	 * A nested mapping.
	 * @param key the key
	 * @param example an example of the content, for messages
	 * @return the mapping, or {@code null} when the key is absent
	 */
	public ConfigDocument mapping(String key, String example) {
		ConfigMapping nested = this.mapping.mapping(key, example);
		return (nested != null) ? new ConfigDocument(nested) : null;
	}

	/** An error at a line of this file. */
	public ConfigurationException error(int line, String problem, String fix) {
		return this.mapping.error(line, problem, fix);
	}

	/**
	 * The candidate closest to a misspelt word, or {@code null} when none is close
	 * enough.
	 * @param word the word
	 * @param candidates the valid words
	 * @return the suggestion or {@code null}
	 */
	public static String closest(String word, Collection<String> candidates) {
		return Suggestions.closest(word, candidates);
	}

}
