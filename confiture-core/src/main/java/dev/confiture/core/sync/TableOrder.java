package dev.confiture.core.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Orders tables so that a table comes after the tables it references by foreign key.
 * Tables that reference each other (a cycle) are kept together, by name; self-references
 * are ignored (rows of one table are checked at the end of its {@code COPY}).
 */
final class TableOrder {

	private TableOrder() {
	}

	/**
	 * Orders the tables.
	 * @param tables the tables to copy
	 * @return groups in copy order: one table each, or the tables of one cycle
	 */
	static List<List<SourceTable>> order(Collection<SourceTable> tables) {
		Map<String, SourceTable> byName = new LinkedHashMap<>();
		tables.stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach((t) -> byName.put(t.name(), t));
		Tarjan tarjan = new Tarjan(byName);
		for (String name : byName.keySet()) {
			if (!tarjan.index.containsKey(name)) {
				tarjan.visit(name);
			}
		}
		return tarjan.components;
	}

	/** Strongly connected components, emitted referenced-first (Tarjan's order). */
	private static final class Tarjan {

		final Map<String, SourceTable> tables;

		final Map<String, Integer> index = new HashMap<>();

		final Map<String, Integer> low = new HashMap<>();

		final List<String> stack = new ArrayList<>();

		final List<List<SourceTable>> components = new ArrayList<>();

		int counter;

		Tarjan(Map<String, SourceTable> tables) {
			this.tables = tables;
		}

		void visit(String name) {
			this.index.put(name, this.counter);
			this.low.put(name, this.counter);
			this.counter++;
			this.stack.add(name);
			for (String referenced : new TreeSet<>(this.tables.get(name).references())) {
				if (referenced.equals(name) || !this.tables.containsKey(referenced)) {
					continue;
				}
				if (!this.index.containsKey(referenced)) {
					visit(referenced);
					this.low.put(name, Math.min(this.low.get(name), this.low.get(referenced)));
				}
				else if (this.stack.contains(referenced)) {
					this.low.put(name, Math.min(this.low.get(name), this.index.get(referenced)));
				}
			}
			if (this.low.get(name).equals(this.index.get(name))) {
				List<SourceTable> component = new ArrayList<>();
				String member;
				do {
					member = this.stack.remove(this.stack.size() - 1);
					component.add(this.tables.get(member));
				}
				while (!member.equals(name));
				component.sort((a, b) -> a.name().compareTo(b.name()));
				this.components.add(List.copyOf(component));
			}
		}

	}

}
