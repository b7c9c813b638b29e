package dev.confiture.maven;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.confiture.core.config.ConnectionSettings;

/**
 * Removes secrets from text before it is logged, thrown or written to a report: the
 * configured passwords wherever they appear (first, whole), then passwords in URLs.
 */
final class Secrets {

	private final List<String> passwords;

	private Secrets(List<String> passwords) {
		this.passwords = passwords;
	}

	static Secrets of(String... passwords) {
		return new Secrets(Arrays.stream(passwords).filter(Objects::nonNull).filter((p) -> p.length() >= 3).toList());
	}

	String clean(String text) {
		if (text == null) {
			return null;
		}
		String result = text;
		for (String password : this.passwords) {
			result = result.replace(password, "****");
		}
		return ConnectionSettings.sanitize(result);
	}

}
