package dev.confiture.core.validate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;

import dev.confiture.core.config.Environment;
import dev.confiture.core.config.EnvironmentLoader;

/**
 * A Confiture project in a real git repository made with JGit, for tests: write files,
 * stage them, commit, branch, and publish {@code main} as {@code origin/main}.
 */
public final class GitProject implements AutoCloseable {

	private static final PersonIdent AUTHOR = new PersonIdent("Confiture Tests", "tests@confiture.dev");

	private final Path directory;

	private final Git git;

	private GitProject(Path directory, Git git) {
		this.directory = directory;
		this.git = git;
	}

	/**
	 * Creates a repository on branch {@code main} with {@code db/environments/local.yaml}
	 * (schema in {@code db/schema}, migrations in {@code db/migrations}).
	 * @param directory an empty directory
	 * @return the project
	 */
	public static GitProject create(Path directory) {
		try {
			Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call();
			GitProject project = new GitProject(directory, git);
			project.write("db/environments/local.yaml", """
					name: local
					includes:
					  - ../schema
					exclude_dirs:
					  - db/schema/99_scratch
					seeds:
					  - ../seeds
					""");
			return project;
		}
		catch (GitAPIException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The work tree. */
	public Path directory() {
		return this.directory;
	}

	/** The environment {@code local} of the project. */
	public Environment environment() {
		return new EnvironmentLoader().load(this.directory, "local");
	}

	/**
	 * Writes a file of the work tree.
	 * @param path the path relative to the work tree
	 * @param content the content
	 * @return this project
	 */
	public GitProject write(String path, String content) {
		try {
			Path file = this.directory.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Appends to a file of the work tree.
	 * @param path the path relative to the work tree
	 * @param content what to append
	 * @return this project
	 */
	public GitProject append(String path, String content) {
		try {
			return write(path, Files.readString(this.directory.resolve(path)) + content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stages files, like {@code git add}.
	 * @param paths paths relative to the work tree
	 * @return this project
	 */
	public GitProject stage(String... paths) {
		try {
			var add = this.git.add();
			for (String path : paths) {
				add.addFilepattern(path);
			}
			add.call();
			return this;
		}
		catch (GitAPIException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Stages everything and commits, like {@code git add -A && git commit}.
	 * @param message the commit message
	 * @return the commit
	 */
	public ObjectId commit(String message) {
		try {
			this.git.add().addFilepattern(".").call();
			this.git.add().addFilepattern(".").setUpdate(true).call();
			return this.git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
		}
		catch (GitAPIException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Creates a branch at {@code HEAD} and checks it out.
	 * @param name the branch
	 * @return this project
	 */
	public GitProject branch(String name) {
		try {
			this.git.checkout().setCreateBranch(true).setName(name).call();
			return this;
		}
		catch (GitAPIException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Points {@code refs/remotes/origin/main} at {@code main}, as after a fetch.
	 * @return this project
	 */
	public GitProject publishMain() {
		try {
			RefUpdate update = this.git.getRepository().updateRef("refs/remotes/origin/main");
			update.setNewObjectId(this.git.getRepository().resolve("refs/heads/main"));
			update.setForceUpdate(true);
			update.update();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.git.close();
	}

}
