package dev.confiture.core.validate;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Setting;
import dev.confiture.core.validate.ChangedFile.Change;

/**
 * The git repository of a project, read with JGit: refs, merge bases, the paths that
 * differ between two {@link GitSide sides}, and file contents at a side. Never runs
 * {@code git}. {@code GIT_DIR}, {@code GIT_WORK_TREE} and {@code GIT_INDEX_FILE} are
 * honoured, as in a git hook.
 */
final class GitRepository implements AutoCloseable {

	static final String FETCH_HINT = "Fetch the full history: on GitHub Actions use actions/checkout with "
			+ "'fetch-depth: 0'; elsewhere run 'git fetch --unshallow' (or 'git fetch origin main')";

	private final Repository repository;

	private final Path workTree;

	private GitRepository(Repository repository, Path workTree) {
		this.repository = repository;
		this.workTree = workTree;
	}

	/**
	 * Opens the repository that holds a directory.
	 * @param directory a directory inside the work tree
	 * @return the repository
	 * @throws ConfitureException ({@link Category#GIT}) if there is none
	 */
	static GitRepository open(Path directory) {
		FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
			.findGitDir(directory.toAbsolutePath().toFile());
		if (builder.getGitDir() == null) {
			throw new ConfitureException(Category.GIT, "Not a git repository: " + directory.toAbsolutePath(),
					Remedy.of(Remedy.Kind.OPEN_GIT_WORK_TREE));
		}
		try {
			Repository repository = builder.setMustExist(true).build();
			if (repository.isBare()) {
				repository.close();
				throw new ConfitureException(Category.GIT, "The git repository " + builder.getGitDir() + " is bare",
						"Validate in a checkout of the repository");
			}
			return new GitRepository(repository, Paths.real(repository.getWorkTree().toPath()));
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.GIT,
					"Could not open the git repository " + builder.getGitDir() + ": " + ex.getMessage(),
					"Check that the repository is not damaged ('git status' should work)", ex);
		}
	}

	/** The root of the work tree, a real path. */
	Path workTree() {
		return this.workTree;
	}

	/**
	 * The commit checked out, or an empty side on a branch without commits.
	 * @return {@code HEAD}
	 */
	GitSide head() {
		ObjectId head = resolveCommit(Constants.HEAD);
		return (head != null) ? GitSide.commit("HEAD (" + head.abbreviate(7).name() + ")", head)
				: GitSide.empty("HEAD (no commit yet)");
	}

	/**
	 * The merge base of a ref and {@code HEAD}: the commit that the work on {@code HEAD}
	 * started from.
	 * @param ref a branch, tag, remote-tracking branch or commit
	 * @param head the {@link #head()}
	 * @return the merge base
	 * @throws ConfitureException ({@link Category#GIT}) if the ref is unknown or there is
	 * no merge base (a shallow clone)
	 */
	GitSide mergeBase(String ref, GitSide head) {
		ObjectId base = resolveCommit(ref);
		if (base == null) {
			throw new ConfitureException(Category.GIT,
					"Unknown git reference '" + ref + "'" + (isShallow() ? " in a shallow clone" : "")
							+ ": no branch, tag or commit has that name here",
					Remedy.of(Remedy.Kind.KNOWN_BASE_REF, "fetch", FETCH_HINT));
		}
		if (head.commit() == null) {
			throw new ConfitureException(Category.GIT, "HEAD has no commit yet, so it cannot be compared with " + ref,
					Remedy.of(Remedy.Kind.COMMIT_FIRST));
		}
		try (RevWalk walk = new RevWalk(this.repository)) {
			walk.setRevFilter(RevFilter.MERGE_BASE);
			walk.markStart(walk.parseCommit(base));
			walk.markStart(walk.parseCommit(head.commit()));
			RevCommit mergeBase = walk.next();
			if (mergeBase == null) {
				throw noMergeBase(ref, null);
			}
			String abbreviated = mergeBase.abbreviate(7).name();
			String label = mergeBase.equals(base) ? ref + " (" + abbreviated + ")"
					: "merge base of " + ref + " and HEAD (" + abbreviated + ")";
			return GitSide.commit(label, mergeBase.copy());
		}
		catch (MissingObjectException ex) {
			throw noMergeBase(ref, ex);
		}
		catch (IOException ex) {
			throw failure("find the merge base of " + ref + " and HEAD", ex);
		}
	}

	private ConfitureException noMergeBase(String ref, Exception cause) {
		if (isShallow()) {
			return new ConfitureException(Category.GIT,
					"The clone is shallow: the history that joins " + ref
							+ " and HEAD has not been fetched, so the files at " + ref + " cannot be compared",
					FETCH_HINT, cause);
		}
		return new ConfitureException(Category.GIT, ref + " and HEAD have no common history",
				Remedy.pass(Setting.BASE_REF, null, "Pass ", " with the branch this work started from"), cause);
	}

	private ObjectId resolveCommit(String ref) {
		try {
			return this.repository.resolve(ref + "^{commit}");
		}
		catch (RevisionSyntaxException ex) {
			throw new ConfitureException(Category.GIT, "Invalid git reference '" + ref + "': " + ex.getMessage(),
					"Pass a branch, tag, remote-tracking branch (origin/main) or commit", ex);
		}
		catch (MissingObjectException ex) {
			throw new ConfitureException(Category.GIT,
					"Git reference '" + ref + "' names a commit that is not in this clone", FETCH_HINT, ex);
		}
		catch (IOException ex) {
			throw failure("resolve " + ref, ex);
		}
	}

	private boolean isShallow() {
		try {
			return !this.repository.getObjectDatabase().getShallowCommits().isEmpty();
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * The files that differ between two sides, in path order.
	 * @param from the old side
	 * @param to the new side
	 * @param prefixes directories (relative, {@code /} separated; empty for the whole
	 * tree) to look in
	 * @param relevant which paths to keep
	 * @return the changed files
	 */
	List<ChangedFile> changes(GitSide from, GitSide to, List<String> prefixes, Predicate<String> relevant) {
		List<ChangedFile> changes = new ArrayList<>();
		try (ObjectReader reader = this.repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
			walk.addTree(iterator(from, reader));
			walk.addTree(iterator(to, reader));
			walk.setRecursive(true);
			walk.setFilter(AndTreeFilter.create(pathFilter(prefixes), TreeFilter.ANY_DIFF));
			while (walk.next()) {
				boolean before = isFile(walk.getFileMode(0));
				boolean after = isFile(walk.getFileMode(1));
				String path = walk.getPathString();
				if ((before || after) && relevant.test(path)) {
					Change change = !before ? Change.ADDED : !after ? Change.DELETED : Change.MODIFIED;
					if (change != Change.MODIFIED || !walk.getObjectId(0).equals(walk.getObjectId(1))) {
						changes.add(new ChangedFile(path, change));
					}
				}
			}
		}
		catch (IOException ex) {
			throw failure("compare " + from.label() + " with " + to.label(), ex);
		}
		return changes;
	}

	/**
	 * The text of a file at a side.
	 * @param side the side
	 * @param path the path relative to the work tree
	 * @return the UTF-8 text, or {@code null} if the file is not there
	 */
	String read(GitSide side, String path) {
		try (ObjectReader reader = this.repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
			walk.addTree(iterator(side, reader));
			walk.setRecursive(true);
			walk.setFilter(PathFilterGroup.createFromStrings(path));
			while (walk.next()) {
				if (walk.getPathString().equals(path) && isFile(walk.getFileMode(0))) {
					return new String(reader.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
				}
			}
			return null;
		}
		catch (IOException ex) {
			throw failure("read " + path + " at " + side.label(), ex);
		}
	}

	/**
	 * Writes the files of a side under some directories into a directory, at their paths
	 * relative to the work tree.
	 * @param side the side
	 * @param prefixes the directories to copy (relative, {@code /} separated)
	 * @param relevant which paths to copy
	 * @param target where to write them
	 * @return the paths written, relative to the work tree
	 */
	List<String> materialize(GitSide side, List<String> prefixes, Predicate<String> relevant, Path target) {
		List<String> written = new ArrayList<>();
		try (ObjectReader reader = this.repository.newObjectReader(); TreeWalk walk = new TreeWalk(reader)) {
			walk.addTree(iterator(side, reader));
			walk.setRecursive(true);
			walk.setFilter(pathFilter(prefixes));
			while (walk.next()) {
				String path = walk.getPathString();
				if (isFile(walk.getFileMode(0)) && relevant.test(path)) {
					Path file = target.resolve(path);
					Files.createDirectories(file.getParent());
					try (InputStream in = reader.open(walk.getObjectId(0)).openStream()) {
						Files.copy(in, file);
					}
					written.add(path);
				}
			}
		}
		catch (IOException ex) {
			throw failure("copy the files of " + side.label() + " to " + target, ex);
		}
		return written;
	}

	private AbstractTreeIterator iterator(GitSide side, ObjectReader reader) throws IOException {
		if (side.index()) {
			return new DirCacheIterator(this.repository.readDirCache());
		}
		if (side.commit() == null) {
			return new EmptyTreeIterator();
		}
		try (RevWalk walk = new RevWalk(reader)) {
			CanonicalTreeParser parser = new CanonicalTreeParser();
			parser.reset(reader, walk.parseCommit(side.commit()).getTree());
			return parser;
		}
	}

	private static TreeFilter pathFilter(List<String> prefixes) {
		if (prefixes.isEmpty() || prefixes.contains("")) {
			return TreeFilter.ALL;
		}
		return PathFilterGroup.createFromStrings(prefixes);
	}

	private static boolean isFile(FileMode mode) {
		return (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
	}

	private ConfitureException failure(String what, IOException ex) {
		File directory = this.repository.getDirectory();
		return new ConfitureException(Category.GIT, "Could not " + what + " in " + directory + ": " + ex.getMessage(),
				"Check that the repository is complete ('git fsck'); " + FETCH_HINT, ex);
	}

	@Override
	public void close() {
		this.repository.close();
	}

}
