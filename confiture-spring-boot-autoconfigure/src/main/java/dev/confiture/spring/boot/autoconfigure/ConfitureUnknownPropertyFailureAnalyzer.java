package dev.confiture.spring.boot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

import dev.confiture.core.config.Suggestions;

/**
 * Explains a startup stopped by an unknown {@code confiture.*} property: names it, where
 * it was set, and the closest known property.
 */
class ConfitureUnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException>
		implements Ordered {

	private static final Set<String> KNOWN = knownProperties();

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		List<String> descriptions = new ArrayList<>();
		List<String> actions = new ArrayList<>();
		for (ConfigurationProperty property : cause.getUnboundProperties()) {
			String name = property.getName().toString();
			if (!name.startsWith("confiture.")) {
				return null;
			}
			descriptions.add("Unknown property " + name
					+ ((property.getOrigin() != null) ? " (from " + property.getOrigin() + ")" : ""));
			String suggestion = suggestion(name);
			actions.add((suggestion != null) ? "Did you mean " + suggestion + " instead of " + name + "?"
					: "Remove " + name + "; known Confiture properties: " + String.join(", ", KNOWN));
		}
		if (descriptions.isEmpty()) {
			return null;
		}
		return new FailureAnalysis(String.join(System.lineSeparator(), descriptions),
				String.join(System.lineSeparator(), actions), cause);
	}

	static String suggestion(String name) {
		return Suggestions.closest(name, KNOWN);
	}

	static Set<String> known() {
		return KNOWN;
	}

	private static Set<String> knownProperties() {
		Set<String> names = new TreeSet<>();
		collect("confiture.", ConfitureProperties.class, names);
		return names;
	}

	private static void collect(String prefix, Class<?> type, Set<String> names) {
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
			if (descriptor.getReadMethod() == null || "class".equals(descriptor.getName())) {
				continue;
			}
			String name = prefix + kebab(descriptor.getName());
			if (descriptor.getWriteMethod() == null
					&& descriptor.getPropertyType().getName().startsWith("dev.confiture")) {
				collect(name + ".", descriptor.getPropertyType(), names);
			}
			else {
				names.add(name);
			}
		}
	}

	private static String kebab(String name) {
		return name.chars()
			.mapToObj(
					(c) -> Character.isUpperCase(c) ? "-" + Character.toLowerCase((char) c) : String.valueOf((char) c))
			.collect(Collectors.joining());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
