package dev.confiture.core.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConfigDocument;

/**
 * Chooses the tables of a sync from globs: {@code *} and {@code ?}, schema-qualified
 * ({@code public.*}) or not ({@code orders} matches a table of that name in any schema).
 * A name without wildcards that matches no table is an error with the closest name.
 */
final class TableSelection {

	private TableSelection() {
	}

	static Map<String, SourceTable> select(Map<String, SourceTable> tables, List<String> include,
			List<String> exclude) {
		Map<String, SourceTable> selected = new LinkedHashMap<>();
		List<Pattern> includes = patterns(tables, include, "tables to copy");
		List<Pattern> excludes = patterns(tables, exclude, "tables to leave out");
		for (SourceTable table : tables.values()) {
			boolean in = includes.isEmpty() || includes.stream().anyMatch((p) -> matches(p, table.name()));
			boolean out = excludes.stream().anyMatch((p) -> matches(p, table.name()));
			if (in && !out) {
				selected.put(table.name(), table);
			}
		}
		return selected;
	}

	private static boolean matches(Pattern pattern, String name) {
		return pattern.matcher(name).matches() || pattern.matcher(name.substring(name.indexOf('.') + 1)).matches();
	}

	private static List<Pattern> patterns(Map<String, SourceTable> tables, List<String> globs, String what) {
		List<Pattern> patterns = new ArrayList<>();
		for (String glob : globs) {
			String trimmed = glob.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			Pattern pattern = Pattern.compile(regex(trimmed));
			if (trimmed.indexOf('*') < 0 && trimmed.indexOf('?') < 0
					&& tables.keySet().stream().noneMatch((name) -> matches(pattern, name))) {
				String suggestion = ConfigDocument.closest(trimmed, tables.keySet());
				throw new ConfitureException(Category.CONFIG,
						"No table '" + trimmed + "' in the source database (" + what + ")",
						(suggestion != null) ? "Did you mean '" + suggestion + "'?"
								: "Name tables as schema.table or table, with * and ? as wildcards");
			}
			patterns.add(pattern);
		}
		return patterns;
	}

	private static String regex(String glob) {
		StringBuilder regex = new StringBuilder();
		for (char c : glob.toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return regex.toString();
	}

}
