package dev.confiture.spring.boot.autoconfigure;

import org.springframework.core.env.Environment;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Refuses to start when Spring Boot's own script initialization ({@code spring.sql.init})
 * would run as well: Confiture builds the schema, then Spring Boot would run
 * {@code schema.sql} and {@code data.sql} on top of it (duplicating unnamed indexes,
 * failing on existing tables, or inserting rows twice).
 */
final class ConfitureSqlInitCheck {

	private ConfitureSqlInitCheck() {
	}

	static void check(Environment environment) {
		String mode = environment.getProperty("spring.sql.init.mode");
		if (mode == null || !mode.trim().equalsIgnoreCase("always")) {
			return;
		}
		throw new ConfitureException(Category.CONFIG,
				"Both Confiture and Spring Boot's script initialization (spring.sql.init.mode=always) would initialize "
						+ "the database: Spring Boot would run schema.sql and data.sql again after Confiture built it",
				"Turn one off: keep Confiture and set spring.sql.init.mode=never (move schema.sql into "
						+ "src/main/resources/db/schema and data.sql into db/seeds/common with "
						+ "confiture.seed-profiles=common), or keep spring.sql.init and set confiture.enabled=false");
	}

}
