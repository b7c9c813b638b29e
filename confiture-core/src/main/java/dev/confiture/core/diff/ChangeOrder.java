package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.catalog.Dependencies;
import dev.confiture.core.catalog.ObjectId;

/**
 * Orders changes topologically from the dependencies of both catalogs, choosing the
 * change with the lowest priority among those that are ready (drops early, creates in
 * dependency order):
 * <ul>
 * <li>a change that provides an object runs after the changes that provide what that
 * object references in the new catalog (and what it explicitly requires);</li>
 * <li>a change that removes an object runs after the changes that remove what depended on
 * it in the old catalog;</li>
 * <li>a change that provides an object runs after the changes that remove its old
 * version.</li>
 * </ul>
 */
final class ChangeOrder {

	private static final Comparator<Change> PRIORITY = Comparator.<Change>comparingInt((change) -> change.priority)
		.thenComparingInt((change) -> change.sequence);

	private ChangeOrder() {
	}

	static List<Change> sort(List<Change> changes, Dependencies from, Dependencies to) {
		return sort(changes, predecessors(changes, from, to));
	}

	/**
	 * The changes that each change must follow.
	 */
	static Map<Change, Set<Change>> predecessors(List<Change> changes, Dependencies from, Dependencies to) {
		Map<Object, List<Change>> providers = index(changes, true);
		Map<Object, List<Change>> removers = index(changes, false);
		Map<Change, Set<Change>> before = new HashMap<>();
		changes.forEach((change) -> before.put(change, new LinkedHashSet<>()));
		for (Change change : changes) {
			Set<Object> needed = new LinkedHashSet<>(change.requires);
			change.provides.forEach((id) -> needed.addAll(references(to, id)));
			for (Object id : needed) {
				List<Change> found = providers.get(id);
				if (found == null && id instanceof ObjectId objectId && to.tableOf(objectId) != null) {
					found = providers.get(to.tableOf(objectId));
				}
				addAll(before.get(change), found, change);
			}
			for (Object id : change.removes) {
				for (ObjectId dependent : dependents(from, id)) {
					addAll(before.get(change), removers.get(dependent), change);
				}
			}
			for (Object id : change.provides) {
				addAll(before.get(change), removers.get(id), change);
			}
		}
		return before;
	}

	static List<Change> sort(List<Change> changes, Map<Change, Set<Change>> before) {
		Map<Change, Integer> waiting = new HashMap<>();
		Map<Change, List<Change>> after = new HashMap<>();
		for (Change change : changes) {
			waiting.put(change, before.get(change).size());
			before.get(change).forEach((first) -> after.computeIfAbsent(first, (key) -> new ArrayList<>()).add(change));
		}
		PriorityQueue<Change> ready = new PriorityQueue<>(PRIORITY);
		changes.stream().filter((change) -> waiting.get(change) == 0).forEach(ready::add);
		List<Change> sorted = new ArrayList<>();
		while (!ready.isEmpty()) {
			Change next = ready.poll();
			sorted.add(next);
			for (Change dependent : after.getOrDefault(next, List.of())) {
				if (waiting.merge(dependent, -1, Integer::sum) == 0) {
					ready.add(dependent);
				}
			}
		}
		if (sorted.size() < changes.size()) {
			String cycle = changes.stream()
				.filter((change) -> waiting.get(change) > 0)
				.map((change) -> change.description)
				.collect(Collectors.joining("; "));
			throw new ConfitureException(Category.SCHEMA,
					"Could not order the changes, they depend on each other: " + cycle,
					"Split the change into two migrations, or write this migration by hand");
		}
		return sorted;
	}

	private static Set<ObjectId> references(Dependencies dependencies, Object id) {
		return (id instanceof ObjectId objectId) ? dependencies.references(objectId) : Set.of();
	}

	private static Set<ObjectId> dependents(Dependencies dependencies, Object id) {
		return (id instanceof ObjectId objectId) ? dependencies.dependents(objectId) : Set.of();
	}

	private static void addAll(Set<Change> target, List<Change> found, Change self) {
		if (found != null) {
			found.stream().filter((change) -> change != self).forEach(target::add);
		}
	}

	private static Map<Object, List<Change>> index(List<Change> changes, boolean provides) {
		Map<Object, List<Change>> index = new HashMap<>();
		for (Change change : changes) {
			for (Object id : provides ? change.provides : change.removes) {
				index.computeIfAbsent(id, (key) -> new ArrayList<>()).add(change);
			}
		}
		return index;
	}

}
