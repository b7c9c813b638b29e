package dev.confiture.core;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import dev.confiture.core.InitializeOptions.Mode;
import dev.confiture.core.adopt.AdoptionRequiredException;
import dev.confiture.core.adopt.AdoptionState;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildOptions.ExistingObjects;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.migrate.BaselineOptions;
import dev.confiture.core.migrate.ExecutedMigration;
import dev.confiture.core.migrate.MigrateOptions;
import dev.confiture.core.migrate.MigrationCounts;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.MigrationState;
import dev.confiture.core.migrate.MigrationStatus;
import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;

/**
 * The startup policy behind {@link Confiture#initialize(InitializeOptions)}.
 */
final class Initializer {

	private static final String UP_TO_DATE = "database up to date, no migration to apply";

	private final Confiture confiture;

	Initializer(Confiture confiture) {
		this.confiture = confiture;
	}

	InitializeResult initialize(InitializeOptions options) {
		BuildOptions build = BuildOptions.defaults().withBaselineProof(options.proveBaseline());
		return switch (options.mode()) {
			case AUTO -> auto(build, options);
			case BUILD -> build(this.confiture.build(build));
			case MIGRATE -> {
				InitializeResult upToDate = upToDate(Mode.MIGRATE);
				yield (upToDate != null) ? upToDate : migrate(this.confiture.status(StatusOptions.defaults()), options);
			}
			case VALIDATE -> {
				InitializeResult upToDate = upToDate(Mode.VALIDATE);
				yield (upToDate != null) ? upToDate : validate();
			}
			case NONE -> new InitializeResult(Mode.NONE, List.of(), "nothing to do");
		};
	}

	/**
	 * Builds an empty database, else migrates. A database that has the tracking table or
	 * other objects (the usual restart) goes straight to migrate, without reading the
	 * schema files. The build takes the migration lock before it looks at the database
	 * again, so of two instances starting at once on an empty database one builds and the
	 * other, once the build has committed, finds it built and migrates.
	 */
	private InitializeResult auto(BuildOptions build, InitializeOptions options) {
		InitializeResult upToDate = upToDate(Mode.MIGRATE);
		if (upToDate != null) {
			return upToDate;
		}
		StatusReport report = this.confiture.status(StatusOptions.defaults());
		if (report.initialized()) {
			return migrate(report, options);
		}
		if (!this.confiture.existingObjects().isEmpty()) {
			List<String> baselined = firstStart(options.baselineOnFirstStart());
			if (baselined.isEmpty()) {
				return migrate(report, options);
			}
			InitializeResult migrated = migrate(this.confiture.status(StatusOptions.defaults()), options);
			return new InitializeResult(Mode.MIGRATE, migrated.versions(),
					"marked " + count(baselined.size(), "migration")
							+ " as applied on the first start on an existing schema (a baseline), then "
							+ migrated.summary());
		}
		if (!hasSchemaFiles()) {
			return migrate(report, options);
		}
		BuildResult result = this.confiture.build(build.withExisting(ExistingObjects.SKIP));
		return result.skipped() ? migrate(this.confiture.status(StatusOptions.defaults()), options) : build(result);
	}

	/**
	 * The usual restart, settled by one query that reads no row: when the tracking table
	 * holds exactly the migrations found, nothing else is read and no lock is taken.
	 * Otherwise the full status decides, as it always did.
	 * @param action what the result says was done
	 * @return the result, or {@code null} when the full status must decide
	 */
	private InitializeResult upToDate(Mode action) {
		OptionalInt applied = this.confiture.appliedWhenUpToDate();
		if (applied.isEmpty()) {
			return null;
		}
		MigrationCounts counts = MigrationCounts.upToDate(applied.getAsInt());
		String summary = (action == Mode.VALIDATE) ? validated(applied.getAsInt()) : UP_TO_DATE;
		return new InitializeResult(action, List.of(), summary, null, null, counts);
	}

	/**
	 * A database that has a schema but no tracking table would get every migration from
	 * the first one: stop, or baseline at the latest migration when allowed.
	 * @return the versions baselined, empty when there was nothing to adopt
	 */
	private List<String> firstStart(boolean baseline) {
		AdoptionState state = this.confiture.adoptionState();
		if (!state.needsAdoption()) {
			return List.of();
		}
		String tracking = this.confiture.environment().trackingTable();
		if (!baseline) {
			throw new AdoptionRequiredException(state, tracking);
		}
		String latest = this.confiture.migrations()
			.stream()
			.map(MigrationInfo::version)
			.max(java.util.Comparator.comparing(java.math.BigInteger::new))
			.orElse("0");
		List<String> recorded = this.confiture.baseline(new BaselineOptions(latest))
			.recorded()
			.stream()
			.map(MigrationInfo::version)
			.toList();
		return recorded.isEmpty() ? List.of(latest) : recorded;
	}

	private boolean hasSchemaFiles() {
		try {
			return !this.confiture.sources().schemaFiles().isEmpty();
		}
		catch (ConfitureException ex) {
			return false;
		}
	}

	private static InitializeResult build(BuildResult result) {
		int baselined = result.baselinedMigrations().size();
		return new InitializeResult(Mode.BUILD, result.baselinedMigrations(), "built the schema from "
				+ count(result.schemaFiles().size(), "file") + " and " + count(result.seedFiles().size(), "seed file")
				+ " (" + count(result.statementCount(), "statement") + ", schema hash "
				+ result.schemaHash().substring(0, 12) + ")"
				+ ((baselined == 0) ? ""
						: ", marked " + count(baselined, "migration") + " as applied (" + (result.baselineProof().ran()
								? "proven contained in the schema files" : "not proven: the baseline proof is off")
								+ ")"),
				result.duration());
	}

	/**
	 * Migrates, unless the status read just before shows the database up to date (the
	 * usual restart): then nothing else is read and no lock is taken.
	 */
	private InitializeResult migrate(StatusReport report, InitializeOptions options) {
		if (report.initialized() && report.pendingCount() == 0 && !report.hasChecksumMismatch()) {
			return new InitializeResult(Mode.MIGRATE, List.of(), UP_TO_DATE, null, report);
		}
		if (options.beforeApplying() != null) {
			options.beforeApplying().accept(report);
		}
		MigrationRun run = this.confiture.migrate(MigrateOptions.defaults()).run();
		List<String> versions = run.migrations().stream().map((executed) -> executed.migration().version()).toList();
		String summary = versions.isEmpty() ? UP_TO_DATE
				: "applied " + count(versions.size(), "migration") + ": "
						+ run.migrations()
							.stream()
							.map(ExecutedMigration::migration)
							.map((migration) -> migration.displayName())
							.collect(Collectors.joining(", "));
		return new InitializeResult(Mode.MIGRATE, versions, summary);
	}

	private static String count(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	private InitializeResult validate() {
		StatusReport report = this.confiture.status(StatusOptions.defaults());
		if (!report.initialized()) {
			throw new ConfitureException(Category.NOT_INITIALIZED,
					"Validate mode, but the database has no tracking table " + report.trackingTable(),
					Remedy.of(Remedy.Kind.INITIALIZE_FIRST));
		}
		List<MigrationStatus> changed = report.migrations()
			.stream()
			.filter((migration) -> migration.state() == MigrationState.CHECKSUM_MISMATCH)
			.toList();
		if (!changed.isEmpty()) {
			throw new ConfitureException(Category.GENERIC,
					"Validate mode: applied migration(s) changed since they were applied: " + names(changed),
					"Restore the applied files and put the change in a new migration");
		}
		List<MigrationStatus> pending = report.migrations()
			.stream()
			.filter((migration) -> migration.state() == MigrationState.PENDING)
			.toList();
		if (!pending.isEmpty()) {
			throw new ConfitureException(Category.GENERIC,
					"Validate mode: " + count(pending.size(), "pending migration") + ": " + names(pending),
					Remedy.of(Remedy.Kind.APPLY_PENDING));
		}
		return new InitializeResult(Mode.VALIDATE, List.of(), validated(report.appliedCount()), null, report);
	}

	private static String validated(int applied) {
		return "validated the database: " + count(applied, "migration") + " applied, none pending";
	}

	private static String names(List<MigrationStatus> migrations) {
		return migrations.stream()
			.map((migration) -> migration.version() + "_" + migration.name())
			.collect(Collectors.joining(", "));
	}

}
