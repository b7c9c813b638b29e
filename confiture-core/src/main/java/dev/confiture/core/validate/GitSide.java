package dev.confiture.core.validate;

import org.eclipse.jgit.lib.ObjectId;

/**
 * One side of a comparison: a commit's tree, the index, or nothing (an unborn branch).
 *
 * @param label how to name it in messages: a ref with its abbreviated commit, or
 * {@code the index}
 * @param commit the commit, or {@code null} for the index and for nothing
 * @param index whether this side is the index
 */
record GitSide(String label, ObjectId commit, boolean index) {

	static GitSide commit(String label, ObjectId commit) {
		return new GitSide(label, commit, false);
	}

	static GitSide theIndex() {
		return new GitSide("the index (staged changes)", null, true);
	}

	static GitSide empty(String label) {
		return new GitSide(label, null, false);
	}

	/** The abbreviated commit id, or {@code null}. */
	String abbreviatedCommit() {
		return (this.commit != null) ? this.commit.abbreviate(7).name() : null;
	}

}
