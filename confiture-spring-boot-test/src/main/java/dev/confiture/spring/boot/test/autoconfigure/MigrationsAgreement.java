package dev.confiture.spring.boot.test.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.confiture.core.Confiture;
import dev.confiture.core.diff.DiffRequest;
import dev.confiture.core.diff.DiffResult;
import dev.confiture.core.diff.DiffSource;
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
	 * @return what the migrations would need to give the schema of the schema files;
	 * empty when they agree
	 */
	static List<String> differences(ConfitureTestDataSource dataSource) {
		TemplateDefinition definition = dataSource.definition();
		try (ScratchDatabase schema = dataSource.templates().create(definition.withSource(TemplateSource.SCHEMA));
				ScratchDatabase migrations = dataSource.templates()
					.create(definition.withSource(TemplateSource.MIGRATIONS))) {
			DiffResult diff = Confiture.configure()
				.environment(definition.environment())
				.database(migrations.settings())
				.load()
				.diff(DiffRequest.of(source(migrations, TemplateSource.MIGRATIONS),
						source(schema, TemplateSource.SCHEMA)));
			List<String> differences = new ArrayList<>();
			for (Step step : diff.up().steps()) {
				differences.add(step.description() + ": " + String.join(" ", step.statements()));
			}
			differences.addAll(diff.up().notes());
			return differences;
		}
	}

	private static DiffSource source(ScratchDatabase database, TemplateSource source) {
		String label = "the " + source.name().toLowerCase(Locale.ROOT) + " build";
		return DiffSource.database(label, database.settings(), label + " (" + database + ")");
	}

}
