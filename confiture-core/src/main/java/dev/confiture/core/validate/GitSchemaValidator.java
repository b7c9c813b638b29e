package dev.confiture.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.Environment;
import dev.confiture.core.server.PostgresServer;

/**
 * Git-aware validation of schema changes: compares an environment's schema files and
 * migrations at a base ref with those at {@code HEAD} (or in the index, for a pre-commit
 * hook), reading git with JGit.
 * <ul>
 * <li>{@value #REQUIRE_MIGRATION}: a change of the schema files needs a new or changed
 * migration;</li>
 * <li>{@value #CHECK_DRIFT}: the base's schema plus the new migrations must be the new
 * schema, object by object (built in throw-away databases).</li>
 * </ul>
 * Committed changes are compared with the merge base of the base ref and {@code HEAD}, so
 * work that landed on the base branch meanwhile does not count. Staged changes are
 * compared with {@code HEAD} unless a base ref is given. The changed paths are found
 * first; when no schema file and no migration changed, nothing is built and no server is
 * asked for.
 * <p>
 * Requires JGit ({@code org.eclipse.jgit:org.eclipse.jgit}) on the classpath.
 */
public final class GitSchemaValidator {

	/** The name of the check that requires migrations. */
	public static final String REQUIRE_MIGRATION = "require-migration";

	/**
	 * The name of the check that proves the new migrations turn the old schema into the
	 * new.
	 */
	public static final String CHECK_DRIFT = "check-drift";

	/** The name of the lint of the migrations added since the base. */
	public static final String LINT = "lint";

	private final Supplier<PostgresServer> shadowServer;

	/**
	 * Creates a validator.
	 * @param shadowServer supplies the server for throw-away databases; asked only when a
	 * replay check has something to build
	 */
	public GitSchemaValidator(Supplier<PostgresServer> shadowServer) {
		this.shadowServer = Objects.requireNonNull(shadowServer, "shadowServer");
	}

	/**
	 * Validates the changes of an environment's schema files and migrations.
	 * @param environment the environment: its project directory must be inside a git work
	 * tree, and its schema and migrations directories too
	 * @param options what to check and against what
	 * @return the report; {@link ValidationReport#passed()} tells whether every check
	 * passed
	 * @throws ConfitureException {@link Category#GIT} when the repository or a ref cannot
	 * be read (a shallow clone, an unknown ref); others when a side cannot be built
	 */
	public ValidationReport validate(Environment environment, ValidationOptions options) {
		requireJGit();
		try (GitRepository git = GitRepository.open(environment.projectDirectory())) {
			SchemaLayout layout = new SchemaLayout(environment, git.workTree());
			GitSide head = git.head();
			GitSide base;
			if (options.staged() && options.baseRef() == null) {
				base = head;
			}
			else {
				String ref = (options.baseRef() != null) ? options.baseRef() : ValidationOptions.DEFAULT_BASE_REF;
				base = git.mergeBase(ref, head);
			}
			GitSide target = options.staged() ? GitSide.theIndex() : head;
			Changes changes = Changes.between(git, base, target, layout);
			List<CheckResult> checks = new ArrayList<>();
			if (options.requireMigration()) {
				checks.add(MigrationRequirement.check(changes));
			}
			int databases = 0;
			if (options.checkDrift()) {
				ReplayCheck replay = new ReplayCheck(this.shadowServer);
				checks.add(replay.check(changes, environment.trackingTable()));
				databases = replay.databasesCreated();
			}
			return new ValidationReport(base.label(), target.label(),
					changes.files().stream().map(ChangedFile::toString).toList(), databases, checks);
		}
	}

	/**
	 * The migrations ({@code .up.sql}) added since the base of the options, as files of
	 * the work tree, e.g. for lint to check what a branch adds.
	 * @param environment the environment, inside a git work tree
	 * @param options the base ref, or the staged changes
	 * @return the added migration files, in path order
	 * @throws ConfitureException {@link Category#GIT} when the repository or a ref cannot
	 * be read
	 */
	public List<java.nio.file.Path> addedMigrations(Environment environment, ValidationOptions options) {
		requireJGit();
		try (GitRepository git = GitRepository.open(environment.projectDirectory())) {
			SchemaLayout layout = new SchemaLayout(environment, git.workTree());
			GitSide head = git.head();
			GitSide base = (options.staged() && options.baseRef() == null) ? head : git
				.mergeBase((options.baseRef() != null) ? options.baseRef() : ValidationOptions.DEFAULT_BASE_REF, head);
			GitSide target = options.staged() ? GitSide.theIndex() : head;
			return Changes.between(git, base, target, layout)
				.addedMigrations()
				.stream()
				.map((file) -> git.workTree().resolve(file.path()))
				.toList();
		}
	}

	static void requireJGit() {
		try {
			Class.forName("org.eclipse.jgit.lib.Repository", false, GitSchemaValidator.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new ConfitureException(Category.GIT, "Git-aware validation needs JGit, which is not on the classpath",
					"Add org.eclipse.jgit:org.eclipse.jgit (the confiture command line includes it)", ex);
		}
	}

}
