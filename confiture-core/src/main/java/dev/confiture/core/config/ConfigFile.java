package dev.confiture.core.config;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import dev.confiture.core.api.Remedy;

/**
 * Reads a YAML configuration file into SnakeYAML's node tree, so that every value keeps
 * its line number. Files are UTF-8; a byte order mark is tolerated.
 */
final class ConfigFile {

	private static final String SYNTAX_FIX = "Fix the YAML syntax: indent with spaces (not tabs) and quote values "
			+ "that contain ': ' or ' #'";

	private ConfigFile() {
	}

	/**
	 * Reads the root mapping of a file.
	 * @param file the file, absolute
	 * @return the root mapping, or {@code null} when the file holds no document
	 * @throws ConfigurationException if the file cannot be read, is not YAML, or its root
	 * is not a mapping
	 */
	static MappingNode read(Path file) {
		String text = readText(file);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		Node root;
		try {
			root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			throw syntaxError(file, ex);
		}
		catch (YAMLException ex) {
			throw new ConfigurationException(file, 0, "Invalid YAML: " + ex.getMessage(), SYNTAX_FIX);
		}
		if (root == null || root instanceof MappingNode) {
			return (MappingNode) root;
		}
		throw new ConfigurationException(file, ConfigMapping.line(root),
				"The file must be a mapping of keys to values, not " + ConfigMapping.describe(root),
				"Start with a key, as in 'database_url: postgresql://localhost/app'");
	}

	private static String readText(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new ConfigurationException(file, 0, "Configuration file not found",
					Remedy.of(Remedy.Kind.CREATE_PROJECT));
		}
		catch (CharacterCodingException ex) {
			throw new ConfigurationException(file, 0, "The file is not valid UTF-8", "Save it with UTF-8 encoding");
		}
		catch (IOException ex) {
			throw new ConfigurationException(file, 0, "The file cannot be read (" + ex.getMessage() + ")",
					"Check that it is a readable file");
		}
	}

	private static ConfigurationException syntaxError(Path file, MarkedYAMLException ex) {
		Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
		String problem = (ex.getProblem() != null) ? ex.getProblem() : ex.getContext();
		StringBuilder message = new StringBuilder("Invalid YAML");
		if (mark != null) {
			message.append(" at column ").append(mark.getColumn() + 1);
		}
		if (problem != null) {
			message.append(": ").append(problem.strip());
		}
		return new ConfigurationException(file, (mark != null) ? mark.getLine() + 1 : 0, message.toString(),
				SYNTAX_FIX);
	}

}
