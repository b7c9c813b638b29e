package dev.confiture.demo.blog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The operations of {@code graphql/schema.graphqls}. Mutations write through
 * {@link BlogCommands}, then return the document the write produced; queries read
 * documents through {@link BlogQueries}.
 */
@Controller
class BlogGraphQlController {

	private final BlogCommands commands;

	private final BlogQueries queries;

	BlogGraphQlController(BlogCommands commands, BlogQueries queries) {
		this.commands = commands;
		this.queries = queries;
	}

	@QueryMapping
	List<Map<String, Object>> users() {
		return this.queries.users();
	}

	@QueryMapping
	Map<String, Object> user(@Argument String id) {
		return this.queries.user(id(id)).orElse(null);
	}

	@QueryMapping
	List<Map<String, Object>> posts(@Argument boolean publishedOnly, @Argument int limit, @Argument PostOrder orderBy) {
		Violations violations = new Violations();
		violations.range("limit", limit, 1, 100);
		violations.throwIfAny();
		return this.queries.posts(publishedOnly, limit, orderBy);
	}

	@QueryMapping
	Map<String, Object> post(@Argument String id) {
		return this.queries.post(id(id)).orElse(null);
	}

	@MutationMapping
	Map<String, Object> createUser(@Argument String email, @Argument String username, @Argument String fullName,
			@Argument String bio) {
		return this.queries.user(this.commands.createUser(email, username, fullName, bio)).orElseThrow();
	}

	@MutationMapping
	Map<String, Object> createPost(@Argument String authorId, @Argument String title, @Argument String slug,
			@Argument String content, @Argument String excerpt, @Argument List<String> tags,
			@Argument boolean isPublished) {
		return this.queries.post(this.commands.createPost(authorId, title, slug, content, excerpt, tags, isPublished))
			.orElseThrow();
	}

	@MutationMapping
	Map<String, Object> createComment(@Argument String postId, @Argument String authorId, @Argument String content) {
		return this.queries.comment(this.commands.createComment(postId, authorId, content)).orElseThrow();
	}

	@MutationMapping
	Map<String, Object> publishPost(@Argument String id) {
		return this.queries.post(this.commands.publishPost(id)).orElseThrow();
	}

	@MutationMapping
	Map<String, Object> recordView(@Argument String id) {
		return this.queries.post(this.commands.recordView(id)).orElseThrow();
	}

	private static UUID id(String id) {
		Violations violations = new Violations();
		UUID uuid = violations.id("id", id);
		violations.throwIfAny();
		return uuid;
	}

}
