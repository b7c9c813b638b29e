package dev.confiture.core.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Interruption;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationKind;
import dev.confiture.core.migrate.MigrationState;
import dev.confiture.core.migrate.MigrationStatus;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.validate.GitSchemaValidator;
import dev.confiture.core.validate.ValidationOptions;

/**
 * Lints migrations: what each statement would do to a live table, measured on a shadow
 * database that starts from the live database's schema (read only) or, when it cannot be
 * reached, from the earlier migrations; findings are ranked by the live size of the
 * table.
 */
public final class MigrationLinter {

	private final Environment environment;

	private final ConnectionSource live;

	private final ConnectionSettings liveSettings;

	private final String liveDescription;

	private final Migrator migrator;

	/**
	 * Creates a linter.
	 * @param environment the environment (migrations directory, project directory,
	 * tracking table)
	 * @param live the live database, or {@code null} if none is configured
	 * @param liveSettings its settings, when known, to create shadow databases on its
	 * server
	 * @param liveDescription the live database for messages, without secrets
	 * @param migrator the environment's migrator, to find migrations and which are
	 * pending
	 */
	public MigrationLinter(Environment environment, ConnectionSource live, ConnectionSettings liveSettings,
			String liveDescription, Migrator migrator) {
		this.environment = environment;
		this.live = live;
		this.liveSettings = liveSettings;
		this.liveDescription = liveDescription;
		this.migrator = migrator;
	}

	/**
	 * Lints the files of the options, or the pending migrations.
	 * @param options what and how
	 * @return the findings
	 * @throws ConfitureException if a file cannot be read or split, or a suppression is
	 * invalid
	 */
	public LintResult lint(LintOptions options) {
		if (options.fromGit()) {
			List<Path> added = new GitSchemaValidator(() -> null).addedMigrations(this.environment,
					new ValidationOptions(options.baseRef(), options.staged(), false, false));
			if (added.isEmpty()) {
				return new LintResult(List.of(), List.of(), List.of(), false, null, List.of("No migration was added "
						+ (options.staged() ? "in the index" : "since " + options.baseRef())));
			}
			options = new LintOptions(added, options.measure(), options.shadowServer());
		}
		List<String> notes = new ArrayList<>();
		boolean reachable = reachable(notes);
		List<String> pending = (options.files().isEmpty() && reachable) ? pending() : null;
		if (pending != null && pending.isEmpty()) {
			notes.add("No SQL migration is pending on " + this.liveDescription);
			return new LintResult(List.of(), List.of(), List.of(), false, null, notes);
		}
		List<MigrationFile> all = sqlMigrations(notes);
		List<MigrationFile> targets = targets(options, all, pending);
		List<FileLint> lints = new ArrayList<>();
		for (MigrationFile target : targets) {
			lints.add(new FileLint(target.display(), target.text()));
		}
		List<LintFinding> findings = new ArrayList<>();
		String startingSchema = null;
		if (options.measure() && !targets.isEmpty()) {
			startingSchema = measure(options, reachable, all, targets, lints, findings, notes);
		}
		if (startingSchema == null) {
			findings.clear();
			for (FileLint lint : lints) {
				findings.addAll(lint.lintStatically());
			}
		}
		if (reachable) {
			findings = new TableSizes(this.live).rank(findings);
		}
		findings.sort(Comparator.comparing((LintFinding finding) -> finding.severity())
			.thenComparing((finding) -> (finding.size() != null) ? -finding.size().bytes() : 1L)
			.thenComparing(LintFinding::file)
			.thenComparingInt(LintFinding::line));
		return new LintResult(targets.stream().map(MigrationFile::display).toList(),
				findings.stream().filter((finding) -> !finding.suppressed()).toList(),
				findings.stream().filter(LintFinding::suppressed).toList(), startingSchema != null, startingSchema,
				notes);
	}

	private String measure(LintOptions options, boolean reachable, List<MigrationFile> all, List<MigrationFile> targets,
			List<FileLint> lints, List<LintFinding> findings, List<String> notes) {
		PostgresServer server;
		try {
			server = (options.shadowServer() != null) ? options.shadowServer()
					: (reachable && this.liveSettings != null)
							? PostgresServers.existing(this.liveSettings, "the environment's database server")
							: PostgresServers.shared();
		}
		catch (ConfitureException ex) {
			notes
				.add("No PostgreSQL server for a shadow database (" + ex.getMessage() + "); linted from the text only");
			return null;
		}
		ScratchDatabase created;
		try {
			created = server.createDatabase();
		}
		catch (ConfitureException ex) {
			notes.add("Could not create a shadow database (" + ex.getMessage() + "); linted from the text only");
			return null;
		}
		try (ScratchDatabase shadow = created;
				Connection connection = shadow.connect();
				Interruption.Tracked tracked = Interruption.track(connection, "lint on a shadow database")) {
			List<MigrationFile> earlier = reachable ? pending(earlier(all, targets)) : earlier(all, targets);
			String startingSchema = StartingSchema.build(connection, reachable ? this.live : null, this.liveDescription,
					this.environment.trackingTable(), earlier, notes);
			if (startingSchema == null) {
				return null;
			}
			for (FileLint lint : lints) {
				findings.addAll(lint.lintMeasured(connection));
			}
			return startingSchema;
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Lint could not read the shadow database on " + server.description() + ": " + ex.getMessage(),
					"Check that the server is reachable", ex);
		}
	}

	private boolean reachable(List<String> notes) {
		if (this.live == null) {
			notes.add("No database is configured: the schema a migration starts from comes from the earlier migrations "
					+ "and findings are not ranked by table size");
			return false;
		}
		try (Connection connection = this.live.open()) {
			return connection.isValid(5);
		}
		catch (SQLException | ConfitureException ex) {
			notes.add("Could not reach " + this.liveDescription + " (" + ex.getMessage() + "): the schema a migration "
					+ "starts from comes from the earlier migrations and findings are not ranked by table size");
			return false;
		}
	}

	private List<MigrationFile> sqlMigrations(List<String> notes) {
		List<MigrationFile> files = new ArrayList<>();
		java.util.Map<String, dev.confiture.core.resource.SqlResource> resources = new java.util.HashMap<>();
		for (dev.confiture.core.resource.SqlLocation location : this.environment.sources().migrations()) {
			if (location.exists()) {
				location.resources().forEach((resource) -> resources.put(resource.displayPath(), resource));
			}
		}
		for (MigrationInfo info : this.migrator.migrations()) {
			if (info.kind() == MigrationKind.SQL) {
				dev.confiture.core.resource.SqlResource resource = resources.get(info.location());
				files.add((resource != null) ? read(resource, info.version()) : read(
						this.environment.projectDirectory().resolve(info.location()), info.location(), info.version()));
			}
			else {
				notes.add("Java migration " + info.displayName() + " is not linted");
			}
		}
		return files;
	}

	private List<MigrationFile> targets(LintOptions options, List<MigrationFile> all, List<String> pending) {
		if (!options.files().isEmpty()) {
			List<MigrationFile> files = new ArrayList<>();
			for (Path file : options.files()) {
				Path absolute = file.isAbsolute() ? file : this.environment.projectDirectory().resolve(file);
				String display = display(absolute);
				String version = all.stream()
					.filter((migration) -> migration.display().equals(display))
					.map(MigrationFile::version)
					.findFirst()
					.orElse(null);
				files.add(read(absolute, display, version));
			}
			return files;
		}
		if (pending == null) {
			return all;
		}
		return all.stream().filter((migration) -> pending.contains(migration.display())).toList();
	}

	/** The SQL migrations that the live database has not applied, by location. */
	private List<String> pending() {
		return this.migrator.status()
			.migrations()
			.stream()
			.filter((status) -> status.state() == MigrationState.PENDING && status.kind() == MigrationKind.SQL)
			.map(MigrationStatus::location)
			.toList();
	}

	/**
	 * The migrations that the live database has not applied yet: they run before the
	 * targets when deployed.
	 */
	private List<MigrationFile> pending(List<MigrationFile> migrations) {
		if (migrations.isEmpty()) {
			return migrations;
		}
		List<String> pending = this.migrator.status()
			.migrations()
			.stream()
			.filter((status) -> status.state() == MigrationState.PENDING)
			.map(MigrationStatus::location)
			.toList();
		return migrations.stream().filter((migration) -> pending.contains(migration.display())).toList();
	}

	/** The migrations before the first target that are not targets themselves. */
	private static List<MigrationFile> earlier(List<MigrationFile> all, List<MigrationFile> targets) {
		List<MigrationFile> earlier = new ArrayList<>();
		for (MigrationFile migration : all) {
			if (targets.stream().anyMatch((target) -> target.display().equals(migration.display()))) {
				break;
			}
			earlier.add(migration);
		}
		return earlier;
	}

	private String display(Path file) {
		Path base = this.environment.projectDirectory().toAbsolutePath().normalize();
		Path normalized = file.toAbsolutePath().normalize();
		return (normalized.startsWith(base) ? base.relativize(normalized) : normalized).toString().replace('\\', '/');
	}

	private static MigrationFile read(dev.confiture.core.resource.SqlResource resource, String version) {
		try {
			return new MigrationFile(resource.displayPath(), version,
					dev.confiture.core.sql.SqlText.decode(resource.content(), resource.displayPath()));
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA,
					"Could not read migration " + resource.displayPath() + ": " + ex.getMessage(),
					"Check that the file exists and is readable UTF-8", ex);
		}
	}

	private static MigrationFile read(Path file, String display, String version) {
		try {
			return new MigrationFile(display, version, Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA,
					"Could not read migration " + display + ": " + ex.getMessage(),
					"Check that the file exists and is readable UTF-8", ex);
		}
	}

	/**
	 * One migration file.
	 *
	 * @param display its path relative to the project
	 * @param version its version, or {@code null} for a file outside the migrations
	 * @param text its text
	 */
	record MigrationFile(String display, String version, String text) {

	}

}
