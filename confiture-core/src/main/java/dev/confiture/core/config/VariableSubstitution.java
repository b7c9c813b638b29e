package dev.confiture.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Substitutes {@code ${NAME}} and {@code ${NAME:-default}} in one configuration value.
 * <ul>
 * <li>A variable that is not set is an error unless a default is given; as in a POSIX
 * shell, the default is also used when the variable is set but empty.</li>
 * <li>Substitution is a single pass: a variable's value is never expanded again.</li>
 * <li><code>$${</code> writes a literal <code>${</code>; a {@code $} not followed by
 * <code>{</code> is kept as is.</li>
 * <li>An unclosed <code>${</code>, an empty {@code ${}}, an invalid name or a nested
 * reference in a default are errors.</li>
 * </ul>
 * Error messages name the variable but never echo the value, which may hold a password.
 */
final class VariableSubstitution {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final Map<String, String> variables;

	VariableSubstitution(Map<String, String> variables) {
		this.variables = Map.copyOf(variables);
	}

	/**
	 * Substitutes the variables in a value.
	 * @param value the value as written
	 * @param key the key it belongs to, for messages
	 * @param file the file it comes from
	 * @param line the line it starts on
	 * @return the value with every reference replaced
	 * @throws ConfigurationException on a missing variable or a malformed reference
	 */
	String substitute(String value, String key, Path file, int line) {
		if (value.indexOf('$') < 0) {
			return value;
		}
		StringBuilder result = new StringBuilder(value.length());
		int index = 0;
		while (index < value.length()) {
			if (value.startsWith("$${", index)) {
				result.append("${");
				index += 3;
			}
			else if (value.startsWith("${", index)) {
				int end = value.indexOf('}', index + 2);
				if (end < 0) {
					throw new ConfigurationException(file, line, "Unclosed '${' in the value of '" + key + "'",
							"Close the reference with '}', as in ${DB_HOST}, or write '$${' for a literal '${'");
				}
				result.append(resolve(value.substring(index + 2, end), key, file, line));
				index = end + 1;
			}
			else {
				result.append(value.charAt(index));
				index++;
			}
		}
		return result.toString();
	}

	private String resolve(String reference, String key, Path file, int line) {
		if (reference.isEmpty()) {
			throw new ConfigurationException(file, line, "Empty '${}' in the value of '" + key + "'",
					"Name a variable, as in ${DB_HOST} or ${DB_HOST:-localhost}");
		}
		int separator = reference.indexOf(":-");
		String name = (separator >= 0) ? reference.substring(0, separator) : reference;
		String fallback = (separator >= 0) ? reference.substring(separator + 2) : null;
		if (!NAME.matcher(name).matches()) {
			throw new ConfigurationException(file, line,
					"Invalid variable reference in the value of '" + key + "': '" + name + "' is not a variable name",
					"Write ${NAME} or ${NAME:-default}, where NAME has letters, digits and '_' and does not "
							+ "start with a digit");
		}
		if (fallback != null && fallback.contains("${")) {
			throw new ConfigurationException(file, line,
					"Nested reference in the default of ${" + name + "} in the value of '" + key + "'",
					"Write a literal default, as in ${" + name + ":-localhost}");
		}
		String value = this.variables.get(name);
		if (fallback != null && (value == null || value.isEmpty())) {
			return fallback;
		}
		if (value == null) {
			throw new ConfigurationException(file, line,
					"Environment variable " + name + " is not set (used by '" + key + "')",
					"Export " + name + "=... before running Confiture, or write ${" + name + ":-default}");
		}
		return value;
	}

}
