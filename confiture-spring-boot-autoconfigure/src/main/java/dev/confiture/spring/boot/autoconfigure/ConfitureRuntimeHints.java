package dev.confiture.spring.boot.autoconfigure;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Native-image hints: the default locations of schema files, seeds and migrations.
 */
class ConfitureRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.resources()
			.registerPattern("db/schema/**")
			.registerPattern("db/seeds/**")
			.registerPattern("db/migrations/**");
	}

}
