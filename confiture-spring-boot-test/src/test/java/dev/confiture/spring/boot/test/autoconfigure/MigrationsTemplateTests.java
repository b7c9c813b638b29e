package dev.confiture.spring.boot.test.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TemplateSource#MIGRATIONS}: the template replays the migrations instead of
 * building the schema files.
 */
@ConfitureTest(template = TemplateSource.MIGRATIONS)
class MigrationsTemplateTests {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void databaseWasMigratedThenSeeded() {
		assertThat(this.jdbc.sql("SELECT version || ' ' || kind FROM confiture_migrations ORDER BY version")
			.query(String.class)
			.list()).containsExactly("001 sql", "002 sql", "003 sql");
		assertThat(this.jdbc.sql("SELECT email FROM customer ORDER BY id").query(String.class).list())
			.containsExactly("common@example.com", "test@example.com");
	}

}
