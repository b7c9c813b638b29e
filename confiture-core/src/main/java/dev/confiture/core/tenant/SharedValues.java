package dev.confiture.core.tenant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per distinct value seen during a fleet run: the versions, version lists
 * and fingerprints that thousands of tenants have in common are kept once, so that what a
 * run keeps per tenant does not repeat them. Safe for the worker threads.
 */
final class SharedValues {

	private final Map<Object, Object> values = new ConcurrentHashMap<>();

	/**
	 * The shared instance of a string.
	 * @param value the string, or {@code null}
	 * @return an equal string, the same instance for every equal one
	 */
	String string(String value) {
		if (value == null) {
			return null;
		}
		Object shared = this.values.putIfAbsent(value, value);
		return (shared != null) ? (String) shared : value;
	}

	/**
	 * The shared, unmodifiable instance of a list of strings.
	 * @param value the list
	 * @return an equal unmodifiable list, the same instance for every equal one
	 */
	@SuppressWarnings("unchecked")
	List<String> list(List<String> value) {
		if (value.isEmpty()) {
			return List.of();
		}
		Object shared = this.values.get(value);
		if (shared != null) {
			return (List<String>) shared;
		}
		List<String> copy = List.of(value.stream().map(this::string).toArray(String[]::new));
		shared = this.values.putIfAbsent(copy, copy);
		return (shared != null) ? (List<String>) shared : copy;
	}

}
