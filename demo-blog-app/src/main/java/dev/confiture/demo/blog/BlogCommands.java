package dev.confiture.demo.blog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.confiture.demo.blog.Violation.Code;

/**
 * The write side: checks the input, then writes {@code tb_} rows through JPA. The
 * triggers of {@code db/schema/30_functions} refresh the {@code tv_} documents in the
 * same transaction.
 */
@Service
@Transactional
class BlogCommands {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9_]+");

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final int MAX_TAGS = 10;

	private final UserRepository users;

	private final PostRepository posts;

	private final CommentRepository comments;

	BlogCommands(UserRepository users, PostRepository posts, CommentRepository comments) {
		this.users = users;
		this.posts = posts;
		this.comments = comments;
	}

	UUID createUser(String email, String username, String fullName, String bio) {
		Violations violations = new Violations();
		String cleanEmail = violations.matching("email", lowerCase(violations.text("email", email, 3, 254)), EMAIL,
				"must look like name@example.com");
		String cleanUsername = violations.matching("username", violations.text("username", username, 3, 30), USERNAME,
				"may only hold lowercase letters, digits and _");
		String cleanFullName = violations.text("fullName", fullName, 1, 100);
		String cleanBio = violations.optionalText("bio", bio, 500);
		if (cleanEmail != null && this.users.existsByEmail(cleanEmail)) {
			violations.add("email", Code.DUPLICATE, "email " + cleanEmail + " is already taken");
		}
		if (cleanUsername != null && this.users.existsByUsername(cleanUsername)) {
			violations.add("username", Code.DUPLICATE, "username " + cleanUsername + " is already taken");
		}
		violations.throwIfAny();
		return this.users.save(new UserEntity(cleanEmail, cleanUsername, cleanFullName, cleanBio)).getPk();
	}

	UUID createPost(String authorId, String title, String slug, String content, String excerpt, List<String> tags,
			boolean publish) {
		Violations violations = new Violations();
		UUID author = existingUser(violations, "authorId", authorId);
		String cleanTitle = violations.text("title", title, 1, 500);
		String cleanSlug = violations.matching("slug", violations.text("slug", slug, 1, 100), SLUG,
				"may only hold lowercase letters and digits separated by single hyphens");
		String cleanContent = violations.text("content", content, 1, 100_000);
		String cleanExcerpt = violations.optionalText("excerpt", excerpt, 1000);
		if (cleanExcerpt == null && cleanContent != null) {
			cleanExcerpt = Excerpts.of(cleanContent);
		}
		List<String> cleanTags = tags(violations, (tags != null) ? tags : List.of());
		if (cleanSlug != null && this.posts.existsBySlug(cleanSlug)) {
			violations.add("slug", Code.DUPLICATE, "slug " + cleanSlug + " is already taken");
		}
		violations.throwIfAny();
		PostEntity post = new PostEntity(author, cleanTitle, cleanSlug, cleanContent, cleanExcerpt, cleanTags);
		if (publish) {
			post.publish(Instant.now());
		}
		return this.posts.save(post).getPk();
	}

	UUID createComment(String postId, String authorId, String content) {
		Violations violations = new Violations();
		UUID post = existingPost(violations, "postId", postId);
		UUID author = existingUser(violations, "authorId", authorId);
		String cleanContent = violations.text("content", content, 1, 2000);
		violations.throwIfAny();
		return this.comments.save(new CommentEntity(post, author, cleanContent)).getPk();
	}

	UUID publishPost(String id) {
		Violations violations = new Violations();
		UUID pk = existingPost(violations, "id", id);
		violations.throwIfAny();
		this.posts.findByPk(pk).orElseThrow().publish(Instant.now());
		return pk;
	}

	UUID recordView(String id) {
		Violations violations = new Violations();
		UUID pk = violations.id("id", id);
		if (pk != null && this.posts.recordView(pk) == 0) {
			violations.add("id", Code.NOT_FOUND, "no post has id " + pk);
		}
		violations.throwIfAny();
		return pk;
	}

	private UUID existingUser(Violations violations, String field, String id) {
		UUID pk = violations.id(field, id);
		if (pk != null && !this.users.existsByPk(pk)) {
			return violations.add(field, Code.NOT_FOUND, "no user has id " + pk);
		}
		return pk;
	}

	private UUID existingPost(Violations violations, String field, String id) {
		UUID pk = violations.id(field, id);
		if (pk != null && !this.posts.existsByPk(pk)) {
			return violations.add(field, Code.NOT_FOUND, "no post has id " + pk);
		}
		return pk;
	}

	private static List<String> tags(Violations violations, List<String> tags) {
		if (tags.size() > MAX_TAGS) {
			return violations.add("tags", Code.TOO_MANY,
					"a post has at most " + MAX_TAGS + " tags (" + tags.size() + " given)");
		}
		List<String> clean = new ArrayList<>();
		for (int i = 0; i < tags.size(); i++) {
			String tag = lowerCase(violations.text("tags[" + i + "]", tags.get(i), 1, 30));
			if (tag != null && !clean.contains(tag)) {
				clean.add(tag);
			}
		}
		return clean;
	}

	private static String lowerCase(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

}
