package dev.confiture.core.sync;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sync.SchemaCopyResult.CopyStep;

/**
 * The schema-to-schema copy behind the facade's {@code copySchema}: build the target's
 * schema files (schema only), then fill each table from the source through the mapping. A
 * dry run builds into a throw-away database on the shadow server instead, to check the
 * mapping and show the plan.
 */
public final class SchemaCopy {

	private final Supplier<PostgresServer> shadowServer;

	private final Consumer<ConnectionSettings> buildInto;

	private final Runnable build;

	private final Supplier<ConnectionSource> target;

	/**
	 * Creates the operation.
	 * @param shadowServer the server for a dry run's throw-away database
	 * @param buildInto builds the schema files (schema only) into another database
	 * @param build builds the schema files (schema only) into the target
	 * @param target the target database, asked for only when copying (not on a dry run)
	 */
	public SchemaCopy(Supplier<PostgresServer> shadowServer, Consumer<ConnectionSettings> buildInto, Runnable build,
			Supplier<ConnectionSource> target) {
		this.shadowServer = shadowServer;
		this.buildInto = buildInto;
		this.build = build;
		this.target = target;
	}

	/**
	 * Copies, or plans a dry run.
	 * @param options the source, the mapping, whether to verify
	 * @return the plan, the tables copied and the verifications
	 */
	public SchemaCopyResult copy(SchemaCopyOptions options) {
		long started = System.nanoTime();
		SchemaCopier copier = new SchemaCopier(options.mappingFile());
		copier.checkSource(options);
		if (options.dryRun()) {
			try (ScratchDatabase shadow = this.shadowServer.get().createDatabase()) {
				this.buildInto.accept(shadow.settings());
				List<CopyStep> steps = copier.plan(options, shadow.settings());
				return new SchemaCopyResult(steps, List.of(), List.of(), (System.nanoTime() - started) / 1_000_000,
						true);
			}
		}
		this.build.run();
		ConnectionSource target = this.target.get();
		List<CopyStep> steps = copier.plan(options, target);
		SchemaCopier.Copied copied = copier.copy(options, steps, target);
		return new SchemaCopyResult(steps, copied.tables(), copied.verifications(),
				(System.nanoTime() - started) / 1_000_000, false);
	}

}
