package dev.confiture.core;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.lint.LintOptions;
import dev.confiture.core.lint.LintResult;
import dev.confiture.core.lint.MigrationLinter;
import dev.confiture.core.migrate.MigrationListener;
import dev.confiture.core.migrate.Migrator;

/**
 * The lint behind {@link Confiture#lint}: the live database when one is configured (only
 * read), the configured shadow server unless the options name one.
 */
final class LintRun {

	private LintRun() {
	}

	static LintResult lint(ConfitureContext context, LintOptions options) {
		ConnectionSettings settings = context.configuredDatabase();
		ConnectionSource live = (context.hasDataSource() || settings != null) ? context.connectionSource() : null;
		String description = (live != null) ? context.databaseDescription() : "(no database)";
		Migrator migrator = context.migrator().listener(MigrationListener.NONE).build();
		LintOptions resolved = (options.shadowServer() == null && context.configuredShadowServer() != null)
				? new LintOptions(options.files(), options.measure(), context.configuredShadowServer().get(),
						options.baseRef(), options.staged())
				: options;
		return new MigrationLinter(context.environment(), live, context.hasDataSource() ? null : settings, description,
				migrator)
			.lint(resolved);
	}

}
