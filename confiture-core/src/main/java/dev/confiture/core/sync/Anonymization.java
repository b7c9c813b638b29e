package dev.confiture.core.sync;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.confiture.core.config.ConfigDocument;
import dev.confiture.core.config.ConfigurationException;

/**
 * Anonymisation rules, read from a YAML file:
 *
 * <pre class="code">
 * key: ${ANONYMIZE_KEY}
 * tables:
 *   public.users:
 *     email: email
 *     full_name: name
 *     ssn: {mask: 4}
 * </pre>
 *
 * The key must come from a variable, never be written in the file. Tables without a
 * schema are in {@code public}.
 */
public final class Anonymization {

	private static final List<String> ROOT_KEYS = List.of("key", "tables");

	/** The shortest key accepted, in bytes. */
	static final int MIN_KEY_LENGTH = 16;

	private final Path file;

	private final byte[] key;

	private final Map<String, Map<String, Rule>> tables;

	private Anonymization(Path file, byte[] key, Map<String, Map<String, Rule>> tables) {
		this.file = file;
		this.key = key;
		this.tables = tables;
	}

	/**
	 * Reads rules from a file.
	 * @param file the YAML file
	 * @param variables the variables for {@code ${VAR}} (usually the process environment)
	 * @return the rules
	 * @throws ConfigurationException if the file is invalid, naming file and line
	 */
	public static Anonymization load(Path file, Map<String, String> variables) {
		ConfigDocument document = ConfigDocument.read(file, variables);
		document.requireKnownKeys(ROOT_KEYS, "in anonymisation rules");
		ConfigDocument tables = document.mapping("tables", "public.users: {email: email}");
		Map<String, Map<String, Rule>> rules = new LinkedHashMap<>();
		boolean keyed = false;
		if (tables != null) {
			for (String table : tables.keys()) {
				ConfigDocument columns = tables.mapping(table, "email: email");
				Map<String, Rule> tableRules = new LinkedHashMap<>();
				for (String column : columns.keys()) {
					Rule rule = RuleReader.read(columns, column);
					keyed |= rule.keyed();
					tableRules.put(column, rule);
				}
				rules.put(qualify(table), tableRules);
			}
		}
		byte[] key = null;
		if (keyed) {
			String value = document.string("key", "a variable reference, as in ${ANONYMIZE_KEY}");
			if (value == null) {
				throw document.error(document.line("key"), "The rules use keyed strategies but set no 'key'",
						"Add 'key: ${ANONYMIZE_KEY}' and set the variable to a secret of at least " + MIN_KEY_LENGTH
								+ " characters");
			}
			if (!document.referencesVariable("key")) {
				throw document.error(document.line("key"), "The anonymisation key is written in the file",
						"Keep the key out of the file: write 'key: ${ANONYMIZE_KEY}' and set the variable");
			}
			key = value.getBytes(StandardCharsets.UTF_8);
			if (key.length < MIN_KEY_LENGTH) {
				throw document.error(document.line("key"),
						"The anonymisation key is too short (" + key.length + " bytes)",
						"Use a random secret of at least " + MIN_KEY_LENGTH + " characters");
			}
		}
		return new Anonymization(document.file(), key, rules);
	}

	/** Adds {@code public.} to a table name without a schema. */
	static String qualify(String table) {
		return (table.indexOf('.') < 0) ? "public." + table : table;
	}

	/** The file the rules came from. */
	public Path file() {
		return this.file;
	}

	/** The tables that have rules, unquoted {@code schema.table}. */
	public Collection<String> tables() {
		return this.tables.keySet();
	}

	/**
	 * The strategies of one table's columns.
	 * @param table the unquoted {@code schema.table}
	 * @param keyed the keyed functions of the copying thread
	 * @return strategies by unquoted column name, empty when the table has no rules
	 */
	Map<String, Strategy> strategies(String table, Keyed keyed) {
		Map<String, Strategy> strategies = new LinkedHashMap<>();
		this.tables.getOrDefault(table, Map.of())
			.forEach((column, rule) -> strategies.put(column, rule.factory().apply(keyed)));
		return strategies;
	}

	/** The keyed functions for one copying thread. */
	Keyed keyed() {
		return new Keyed((this.key != null) ? this.key : new byte[MIN_KEY_LENGTH]);
	}

	/**
	 * Checks the rules against the tables of the source: an unknown table or column is an
	 * error at its line, with the closest name.
	 * @param known the copyable tables of the source, by unquoted name
	 */
	void check(Map<String, SourceTable> known) {
		for (Map.Entry<String, Map<String, Rule>> entry : this.tables.entrySet()) {
			SourceTable table = known.get(entry.getKey());
			if (table == null) {
				Rule first = entry.getValue().values().stream().findFirst().orElse(null);
				String suggestion = ConfigDocument.closest(entry.getKey(), known.keySet());
				throw new ConfigurationException(this.file, (first != null) ? first.line() - 1 : 0,
						"Unknown table '" + entry.getKey() + "' in anonymisation rules",
						(suggestion != null) ? "Did you mean '" + suggestion + "'?"
								: "Name a table of the source database, as in public.users");
			}
			List<String> columns = table.columns().stream().map(SourceTable.SourceColumn::name).toList();
			for (Map.Entry<String, Rule> column : entry.getValue().entrySet()) {
				if (!columns.contains(column.getKey())) {
					String suggestion = ConfigDocument.closest(column.getKey(), columns);
					throw new ConfigurationException(this.file, column.getValue().line(),
							"Unknown column '" + column.getKey() + "' of " + entry.getKey() + " in anonymisation rules",
							(suggestion != null) ? "Did you mean '" + suggestion + "'?"
									: "The columns of " + entry.getKey() + " are: " + String.join(", ", columns));
				}
			}
		}
	}

	/**
	 * One column's rule.
	 *
	 * @param factory makes the strategy for one copying thread
	 * @param keyed whether it needs the key
	 * @param line where it is written
	 */
	record Rule(Function<Keyed, Strategy> factory, boolean keyed, int line) {
	}

}
