package dev.confiture.core.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.confiture.core.config.ConfigDocument;
import dev.confiture.core.sync.Anonymization.Rule;

/**
 * Reads one column's rule: a strategy name ({@code email}), or a mapping with one
 * strategy and its setting ({@code {mask: 4}}, {@code {fixed: 'n/a'}},
 * {@code {date_shift: 30}}, {@code {hash: 16}}, {@code {json: {contact.email: email}}}).
 */
final class RuleReader {

	private static final List<String> SIMPLE = List.of("keep", "null", "hash", "email", "name", "phone", "date_shift");

	private static final List<String> WITH_SETTING = List.of("mask", "fixed", "hash", "date_shift", "json");

	private RuleReader() {
	}

	static Rule read(ConfigDocument columns, String column) {
		int line = columns.line(column);
		if (!columns.isMapping(column)) {
			String name = columns.string(column, "a strategy, as in 'email' or {mask: 4}");
			if (name == null) {
				throw columns.error(line, "No strategy for column '" + column + "'",
						"Write one of " + String.join(", ", SIMPLE) + ", or {mask: N}, {fixed: VALUE}, {json: {...}}");
			}
			return simple(columns, column, Strategies.normalise(name), line);
		}
		ConfigDocument setting = columns.mapping(column, "mask: 4");
		if (setting.keys().size() != 1) {
			throw columns.error(line, "The rule of column '" + column + "' must name exactly one strategy",
					"Write one of {mask: N}, {fixed: VALUE}, {hash: LENGTH}, {date_shift: DAYS}, {json: {...}}");
		}
		String name = setting.keys().iterator().next();
		String strategy = Strategies.normalise(name);
		switch (strategy) {
			case "mask" -> {
				int keep = number(setting, name, 0, 1000);
				return new Rule((keyed) -> Strategies.mask(keep), false, line);
			}
			case "fixed" -> {
				String value = setting.string(name, "a value");
				return new Rule((keyed) -> Strategies.fixed((value != null) ? value : ""), false, line);
			}
			case "hash" -> {
				int length = number(setting, name, 8, 64);
				return new Rule((keyed) -> Strategies.hash(keyed, length), true, line);
			}
			case "date_shift" -> {
				int days = number(setting, name, 1, 36500);
				return new Rule((keyed) -> Strategies.dateShift(keyed, days), true, line);
			}
			case "json" -> {
				ConfigDocument paths = setting.mapping(name, "contact.email: email");
				Map<String, Rule> rules = new LinkedHashMap<>();
				for (String path : paths.keys()) {
					Rule rule = read(paths, path);
					rules.put(path, rule);
				}
				boolean keyed = rules.values().stream().anyMatch(Rule::keyed);
				return new Rule((k) -> {
					Map<String, Strategy> strategies = new LinkedHashMap<>();
					rules.forEach((path, rule) -> strategies.put(path, rule.factory().apply(k)));
					return new JsonStrategy(strategies);
				}, keyed, line);
			}
			default -> throw unknown(columns, column, name, line, WITH_SETTING);
		}
	}

	private static Rule simple(ConfigDocument columns, String column, String name, int line) {
		Function<Keyed, Strategy> factory = switch (name) {
			case "keep" -> (keyed) -> Strategies.keep();
			case "null" -> (keyed) -> Strategies.nullValue();
			case "hash" -> (keyed) -> Strategies.hash(keyed, 32);
			case "email" -> Strategies::email;
			case "name" -> Strategies::name;
			case "phone" -> Strategies::phone;
			case "date_shift" -> (keyed) -> Strategies.dateShift(keyed, 365);
			default -> null;
		};
		if (factory == null) {
			if (name.equals("mask") || name.equals("fixed") || name.equals("json")) {
				throw columns.error(line, "Strategy '" + name + "' of column '" + column + "' needs a setting",
						"Write it as a mapping, as in {mask: 4}, {fixed: 'n/a'} or {json: {contact.email: email}}");
			}
			throw unknown(columns, column, name, line, SIMPLE);
		}
		boolean keyed = !name.equals("keep") && !name.equals("null");
		return new Rule(factory, keyed, line);
	}

	private static int number(ConfigDocument setting, String name, int min, int max) {
		String value = setting.string(name, "a whole number");
		try {
			int number = Integer.parseInt((value != null) ? value.strip() : "");
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw setting.error(setting.line(name), "'" + name + "' needs a whole number from " + min + " to " + max,
				"Write it as in {" + name + ": " + Math.max(min, 4) + "}");
	}

	private static RuntimeException unknown(ConfigDocument columns, String column, String name, int line,
			List<String> known) {
		String suggestion = ConfigDocument.closest(name, Strategies.NAMES.keySet());
		return columns.error(line, "Unknown strategy '" + name + "' for column '" + column + "'", (suggestion != null)
				? "Did you mean '" + suggestion + "'?" : "Use one of " + String.join(", ", Strategies.NAMES.keySet()));
	}

}
