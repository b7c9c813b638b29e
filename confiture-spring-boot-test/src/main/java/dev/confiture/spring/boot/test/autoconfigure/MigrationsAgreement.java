package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.diff.DiffOptions;
import dev.confiture.core.diff.Plan;
import dev.confiture.core.diff.SchemaDiff;
import dev.confiture.core.diff.Step;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

/**
 * Compares the schema that the schema files build with the one that replaying every
 * migration from an empty database gives, on two template databases, through the catalog
 * (tables, columns with types, nullability and defaults, indexes, constraints, views,
 * functions, types...). Confiture's own tables are left out.
 */
final class MigrationsAgreement {

	private MigrationsAgreement() {
	}

	/**
	 * The differences between the two builds of a test data source's files.
	 * @param dataSource the test data source
	 * @return what the migrations would need to give the schema of the schema files; empty
	 * when they agree
	 */
	static List<String> differences(ConfitureTestDataSource dataSource) {
		TemplateDefinition definition = dataSource.definition();
		CatalogReader reader = CatalogReader.ignoringConfitureTables(definition.environment().trackingTable());
		Catalog fromSchema = read(dataSource.templates(), definition.withSource(TemplateSource.SCHEMA), reader);
		Catalog fromMigrations = read(dataSource.templates(), definition.withSource(TemplateSource.MIGRATIONS), reader);
		Plan plan = SchemaDiff.compare(fromMigrations, fromSchema, DiffOptions.defaults());
		List<String> differences = new ArrayList<>();
		for (Step step : plan.steps()) {
			differences.add(step.description() + ": " + String.join(" ", step.statements()));
		}
		differences.addAll(plan.notes());
		return differences;
	}

	private static Catalog read(TemplateDatabases templates, TemplateDefinition definition, CatalogReader reader) {
		try (ScratchDatabase database = templates.create(definition); Connection connection = database.connect()) {
			return reader.read(connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not read the catalog of a "
					+ definition.source().name().toLowerCase(java.util.Locale.ROOT) + " build: " + ex.getMessage(), null,
					ex);
		}
	}

}
