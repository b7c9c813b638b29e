package dev.confiture.spring.boot.test.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base class for a test that proves that the schema files and the migrations of a project
 * describe the same schema: one template database is built from the schema files, another
 * by replaying every migration from an empty database, and their catalogs must be equal.
 * Extend it once in the project's tests:
 *
 * <pre class="code">
 * class MigrationsAgreementTests extends AbstractMigrationsAgreementTests {
 * }
 * </pre>
 *
 * The locations come from the {@code confiture.*} properties, as for the application.
 * Both templates are cached like any other.
 *
 * @since 0.1.0
 */
@ConfitureTest
public abstract class AbstractMigrationsAgreementTests {

	@Autowired
	private ConfitureTestDataSource dataSource;

	/**
	 * Fails with every difference when replaying the migrations does not give the schema
	 * of the schema files.
	 */
	@Test
	public void schemaFilesAndMigrationsAgree() {
		List<String> differences = MigrationsAgreement.differences(this.dataSource);
		if (!differences.isEmpty()) {
			throw new AssertionError("Replaying the migrations does not give the schema of the schema files; "
					+ "the migrations would need:\n  - " + String.join("\n  - ", differences));
		}
	}

}
