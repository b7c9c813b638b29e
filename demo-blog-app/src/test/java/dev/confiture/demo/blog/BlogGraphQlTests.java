package dev.confiture.demo.blog;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every GraphQL operation and every validation error, over HTTP.
 */
@BlogApplicationTest
class BlogGraphQlTests {

	static final String ALICE = "00000000-0000-0000-0000-000000000001";

	static final String BOB = "00000000-0000-0000-0000-000000000002";

	static final String PUBLISHED_POST = "00000000-0000-0000-0001-000000000101";

	static final String DRAFT_POST = "00000000-0000-0000-0001-000000000102";

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static final Class<Map<String, Object>> MAP = (Class) Map.class;

	static final String UNKNOWN = "00000000-0000-0000-0000-00000000dead";

	static final String CREATE_USER = """
			mutation($email: String!, $username: String!, $fullName: String!, $bio: String) {
			  createUser(email: $email, username: $username, fullName: $fullName, bio: $bio) {
			    id email username fullName bio isActive createdAt updatedAt
			  }
			}""";

	static final String CREATE_POST = """
			mutation($authorId: ID!, $title: String!, $slug: String!, $content: String!, $excerpt: String,
			    $tags: [String!], $isPublished: Boolean) {
			  createPost(authorId: $authorId, title: $title, slug: $slug, content: $content, excerpt: $excerpt,
			      tags: $tags, isPublished: $isPublished) {
			    id title slug content excerpt tags isPublished publishedAt commentCount viewCount
			    author { id username } comments { id }
			  }
			}""";

	static final String CREATE_COMMENT = """
			mutation($postId: ID!, $authorId: ID!, $content: String!) {
			  createComment(postId: $postId, authorId: $authorId, content: $content) {
			    id postId content createdAt author { username }
			  }
			}""";

	static final String PUBLISH_POST = "mutation($id: ID!) { publishPost(id: $id) { id isPublished publishedAt } }";

	static final String RECORD_VIEW = "mutation($id: ID!) { recordView(id: $id) { id viewCount } }";

	@LocalServerPort
	int port;

	HttpGraphQlTester graphQl;

	@BeforeEach
	void createClient() {
		this.graphQl = GraphQlClients.graphQl(this.port);
	}

	@Test
	void usersListsTheSeededUsers() {
		List<Map<String, Object>> users = this.graphQl.document("{ users { id username fullName email isActive } }")
			.execute()
			.path("users")
			.entityList(MAP)
			.get();
		assertThat(users).extracting((user) -> user.get("username")).contains("alice", "bob");
		assertThat(users).filteredOn((user) -> ALICE.equals(user.get("id")))
			.singleElement()
			.satisfies((alice) -> assertThat(alice).containsEntry("fullName", "Alice Martin")
				.containsEntry("email", "alice@example.com")
				.containsEntry("isActive", true));
	}

	@Test
	void userReturnsOneUserOrNull() {
		this.graphQl.document("query($id: ID!) { user(id: $id) { username bio } }")
			.variable("id", ALICE)
			.execute()
			.path("user.username")
			.entity(String.class)
			.isEqualTo("alice")
			.path("user.bio")
			.entity(String.class)
			.isEqualTo("Writes about PostgreSQL.");
		this.graphQl.document("query($id: ID!) { user(id: $id) { username } }")
			.variable("id", UNKNOWN)
			.execute()
			.path("user")
			.valueIsNull();
	}

	@Test
	void postReturnsThePostWithAuthorCommentsAndCounts() {
		Map<String, Object> post = this.graphQl.document("""
				query($id: ID!) {
				  post(id: $id) {
				    title slug content excerpt tags isPublished publishedAt createdAt updatedAt commentCount viewCount
				    author { username fullName bio }
				    comments { content postId createdAt author { username } }
				  }
				}""").variable("id", PUBLISHED_POST).execute().path("post").entity(MAP).get();
		assertThat(post).containsEntry("title", "Test published post")
			.containsEntry("slug", "test-published")
			.containsEntry("excerpt", "Published.")
			.containsEntry("tags", List.of("test"))
			.containsEntry("isPublished", true)
			.containsEntry("publishedAt", "2020-01-01T00:00:00.000Z")
			.containsEntry("commentCount", 1)
			.containsEntry("viewCount", 0)
			.containsEntry("author",
					Map.of("username", "alice", "fullName", "Alice Martin", "bio", "Writes about PostgreSQL."))
			.containsEntry("comments", List.of(Map.of("content", "Test comment by bob.", "postId", PUBLISHED_POST,
					"createdAt", "2020-01-01T01:00:00.000Z", "author", Map.of("username", "bob"))));
		this.graphQl.document("query($id: ID!) { post(id: $id) { id } }")
			.variable("id", UNKNOWN)
			.execute()
			.path("post")
			.valueIsNull();
	}

	@Test
	void postsFiltersOnPublishedAndLimits() {
		List<Map<String, Object>> all = posts("{ posts(limit: 100) { id isPublished } }");
		assertThat(all).extracting((post) -> post.get("id")).contains(PUBLISHED_POST, DRAFT_POST);
		List<Map<String, Object>> published = posts("{ posts(publishedOnly: true, limit: 100) { id isPublished } }");
		assertThat(published).extracting((post) -> post.get("id")).contains(PUBLISHED_POST).doesNotContain(DRAFT_POST);
		assertThat(published).allSatisfy((post) -> assertThat(post).containsEntry("isPublished", true));
		assertThat(posts("{ posts(limit: 1) { id } }")).hasSize(1);
	}

	@Test
	void postsAreOrderedAsAsked() {
		String id = createPost(ALICE, "views-order").get("id").toString();
		recordView(id);
		recordView(id);
		assertThat(posts("{ posts(orderBy: MOST_VIEWED, limit: 100) { id viewCount } }"))
			.isSortedAccordingTo(
					Comparator.comparing((Map<String, Object> post) -> (Integer) post.get("viewCount")).reversed())
			.first()
			.satisfies((post) -> assertThat((Integer) post.get("viewCount")).isGreaterThanOrEqualTo(2));
		assertThat(posts("{ posts(orderBy: NEWEST, limit: 100) { createdAt } }")).isSortedAccordingTo(
				Comparator.comparing((Map<String, Object> post) -> (String) post.get("createdAt")).reversed());
		assertThat(posts("{ posts(orderBy: OLDEST, limit: 100) { id createdAt } }"))
			.isSortedAccordingTo(Comparator.comparing((Map<String, Object> post) -> (String) post.get("createdAt")))
			.first()
			.satisfies((post) -> assertThat(post).containsEntry("id", PUBLISHED_POST));
		assertThat(posts("{ posts(orderBy: TITLE, limit: 100) { title } }"))
			.extracting((post) -> (String) post.get("title"))
			.isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
	}

	@Test
	void createUserReturnsTheNewUser() {
		String suffix = suffix();
		Map<String, Object> user = this.graphQl.document(CREATE_USER)
			.variables(Map.of("email", " New" + suffix + "@Example.com ", "username", "new_" + suffix, "fullName",
					"New User", "bio", "Hello"))
			.execute()
			.path("createUser")
			.entity(MAP)
			.get();
		assertThat(user).containsEntry("email", "new" + suffix + "@example.com")
			.containsEntry("username", "new_" + suffix)
			.containsEntry("fullName", "New User")
			.containsEntry("bio", "Hello")
			.containsEntry("isActive", true);
		assertThat((String) user.get("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		this.graphQl.document("query($id: ID!) { user(id: $id) { username } }")
			.variable("id", user.get("id"))
			.execute()
			.path("user.username")
			.entity(String.class)
			.isEqualTo("new_" + suffix);
	}

	@Test
	void createPostReturnsTheNewPost() {
		Map<String, Object> user = createUser();
		String author = user.get("id").toString();
		String slug = "first-post-" + suffix();
		Map<String, Object> post = this.graphQl.document(CREATE_POST)
			.variables(Map.of("authorId", author, "title", "  First post ", "slug", slug, "content",
					"Line one.\n\nSecond paragraph.", "tags", List.of("Java", "java", "PostgreSQL"), "isPublished",
					true))
			.execute()
			.path("createPost")
			.entity(MAP)
			.get();
		assertThat(post).containsEntry("title", "First post")
			.containsEntry("slug", slug)
			.containsEntry("excerpt", "Line one.")
			.containsEntry("tags", List.of("java", "postgresql"))
			.containsEntry("isPublished", true)
			.containsEntry("commentCount", 0)
			.containsEntry("viewCount", 0)
			.containsEntry("comments", List.of())
			.containsEntry("author", Map.of("id", author, "username", user.get("username")));
		assertThat(post.get("publishedAt")).isNotNull();
		Map<String, Object> draft = this.graphQl.document(CREATE_POST)
			.variables(Map.of("authorId", author, "title", "Draft", "slug", slug + "-draft", "content", "Text",
					"excerpt", "Given excerpt"))
			.execute()
			.path("createPost")
			.entity(MAP)
			.get();
		assertThat(draft).containsEntry("isPublished", false)
			.containsEntry("publishedAt", null)
			.containsEntry("excerpt", "Given excerpt")
			.containsEntry("tags", List.of());
	}

	@Test
	void createCommentReturnsTheCommentAndCountsIt() {
		String post = createPost(ALICE, "commented").get("id").toString();
		Map<String, Object> comment = this.graphQl.document(CREATE_COMMENT)
			.variables(Map.of("postId", post, "authorId", BOB, "content", " Well said. "))
			.execute()
			.path("createComment")
			.entity(MAP)
			.get();
		assertThat(comment).containsEntry("postId", post)
			.containsEntry("content", "Well said.")
			.containsEntry("author", Map.of("username", "bob"));
		this.graphQl.document("query($id: ID!) { post(id: $id) { commentCount comments { id } } }")
			.variable("id", post)
			.execute()
			.path("post.commentCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("post.comments[0].id")
			.entity(String.class)
			.isEqualTo(comment.get("id").toString());
	}

	@Test
	void publishPostPublishesADraftOnce() {
		String post = createPost(BOB, "to-publish").get("id").toString();
		Map<String, Object> published = this.graphQl.document(PUBLISH_POST)
			.variable("id", post)
			.execute()
			.path("publishPost")
			.entity(MAP)
			.get();
		assertThat(published).containsEntry("isPublished", true);
		assertThat(published.get("publishedAt")).isNotNull();
		this.graphQl.document(PUBLISH_POST)
			.variable("id", post)
			.execute()
			.path("publishPost.publishedAt")
			.entity(String.class)
			.isEqualTo(published.get("publishedAt").toString());
	}

	@Test
	void recordViewCountsViews() {
		String post = createPost(ALICE, "viewed").get("id").toString();
		assertThat(recordView(post)).isEqualTo(1);
		assertThat(recordView(post)).isEqualTo(2);
		this.graphQl.document("query($id: ID!) { post(id: $id) { viewCount } }")
			.variable("id", post)
			.execute()
			.path("post.viewCount")
			.entity(Integer.class)
			.isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidInputs")
	void invalidInputIsAGraphQlErrorNamingTheField(String description, String document, Map<String, Object> variables,
			String field, String code, String classification) {
		this.graphQl.document(document).variables(variables).execute().errors().satisfy((errors) -> {
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("field", field).containsEntry("code", code);
				assertThat(error.getErrorType()).hasToString(classification);
				assertNoInternals(error);
			});
		});
	}

	static Stream<Arguments> invalidInputs() {
		String slug = "slug-" + suffix();
		return Stream.of(user("blank email", Map.of("email", " "), "email", "REQUIRED"),
				user("malformed email", Map.of("email", "not-an-email"), "email", "INVALID_FORMAT"),
				user("email too long", Map.of("email", "a".repeat(250) + "@x.io"), "email", "TOO_LONG"),
				user("duplicate email", Map.of("email", "ALICE@example.com"), "email", "DUPLICATE"),
				user("username too short", Map.of("username", "ab"), "username", "TOO_SHORT"),
				user("username too long", Map.of("username", "a".repeat(31)), "username", "TOO_LONG"),
				user("malformed username", Map.of("username", "Not Allowed"), "username", "INVALID_FORMAT"),
				user("duplicate username", Map.of("username", "alice"), "username", "DUPLICATE"),
				user("blank full name", Map.of("fullName", ""), "fullName", "REQUIRED"),
				user("full name too long", Map.of("fullName", "x".repeat(101)), "fullName", "TOO_LONG"),
				user("bio too long", Map.of("bio", "x".repeat(501)), "bio", "TOO_LONG"),
				post("author id not a UUID", Map.of("authorId", "alice"), "authorId", "INVALID_FORMAT"),
				post("unknown author", Map.of("authorId", UNKNOWN), "authorId", "NOT_FOUND", "NOT_FOUND"),
				post("blank title", Map.of("title", " "), "title", "REQUIRED"),
				post("title too long", Map.of("title", "x".repeat(501)), "title", "TOO_LONG"),
				post("malformed slug", Map.of("slug", "Not A Slug"), "slug", "INVALID_FORMAT"),
				post("slug too long", Map.of("slug", "x".repeat(101)), "slug", "TOO_LONG"),
				post("duplicate slug", Map.of("slug", "test-published"), "slug", "DUPLICATE"),
				post("blank content", Map.of("content", "\n"), "content", "REQUIRED"),
				post("excerpt too long", Map.of("slug", slug + "-e", "excerpt", "x".repeat(1001)), "excerpt",
						"TOO_LONG"),
				post("too many tags",
						Map.of("slug", slug + "-t", "tags",
								List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")),
						"tags", "TOO_MANY"),
				post("tag too long", Map.of("slug", slug + "-l", "tags", List.of("x".repeat(31))), "tags[0]",
						"TOO_LONG"),
				post("blank tag", Map.of("slug", slug + "-b", "tags", List.of("ok", " ")), "tags[1]", "REQUIRED"),
				comment("unknown post", Map.of("postId", UNKNOWN), "postId", "NOT_FOUND", "NOT_FOUND"),
				comment("post id not a UUID", Map.of("postId", "42"), "postId", "INVALID_FORMAT"),
				comment("unknown author", Map.of("authorId", UNKNOWN), "authorId", "NOT_FOUND", "NOT_FOUND"),
				comment("blank content", Map.of("content", " "), "content", "REQUIRED"),
				comment("content too long", Map.of("content", "x".repeat(2001)), "content", "TOO_LONG"),
				Arguments.of("publishPost: unknown post", PUBLISH_POST, Map.of("id", UNKNOWN), "id", "NOT_FOUND",
						"NOT_FOUND"),
				Arguments.of("publishPost: id not a UUID", PUBLISH_POST, Map.of("id", "x"), "id", "INVALID_FORMAT",
						"BAD_REQUEST"),
				Arguments.of("recordView: unknown post", RECORD_VIEW, Map.of("id", UNKNOWN), "id", "NOT_FOUND",
						"NOT_FOUND"),
				Arguments.of("recordView: id not a UUID", RECORD_VIEW, Map.of("id", "x"), "id", "INVALID_FORMAT",
						"BAD_REQUEST"),
				Arguments.of("posts: limit 0", "{ posts(limit: 0) { id } }", Map.of(), "limit", "OUT_OF_RANGE",
						"BAD_REQUEST"),
				Arguments.of("posts: limit 101", "{ posts(limit: 101) { id } }", Map.of(), "limit", "OUT_OF_RANGE",
						"BAD_REQUEST"),
				Arguments.of("post: id not a UUID", "{ post(id: \"x\") { id } }", Map.of(), "id", "INVALID_FORMAT",
						"BAD_REQUEST"),
				Arguments.of("user: id not a UUID", "{ user(id: \"x\") { id } }", Map.of(), "id", "INVALID_FORMAT",
						"BAD_REQUEST"));
	}

	@Test
	void everyViolationOfARequestIsReported() {
		this.graphQl.document(CREATE_USER)
			.variables(Map.of("email", "bad", "username", "A", "fullName", " "))
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).extracting((error) -> error.getExtensions().get("field"))
				.containsExactly("email", "username", "fullName"));
	}

	@Test
	void schemaViolationsAreGraphQlValidationErrors() {
		this.graphQl.document("{ posts(orderBy: POPULAR) { id } }").execute().errors().satisfy((errors) -> {
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getErrorType()).hasToString("ValidationError");
				assertThat(error.getMessage()).contains("POPULAR");
				assertNoInternals(error);
			});
		});
		this.graphQl.document("mutation { createUser(email: \"a@b.io\") { id } }")
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).isNotEmpty()
				.allSatisfy((error) -> assertThat(error.getErrorType()).hasToString("ValidationError")));
	}

	private static void assertNoInternals(ResponseError error) {
		assertThat(error.getMessage()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(error.getExtensions()).doesNotContainKeys("exception", "stackTrace", "trace");
	}

	private static Arguments user(String description, Map<String, Object> invalid, String field, String code) {
		String suffix = suffix();
		return invalid("createUser", description, CREATE_USER,
				Map.of("email", suffix + "@example.com", "username", "u_" + suffix, "fullName", "Somebody"), invalid,
				field, code, "BAD_REQUEST");
	}

	private static Arguments post(String description, Map<String, Object> invalid, String field, String code) {
		return post(description, invalid, field, code, "BAD_REQUEST");
	}

	private static Arguments post(String description, Map<String, Object> invalid, String field, String code,
			String classification) {
		return invalid("createPost", description, CREATE_POST,
				Map.of("authorId", ALICE, "title", "Title", "slug", "s-" + suffix(), "content", "Text"), invalid, field,
				code, classification);
	}

	private static Arguments comment(String description, Map<String, Object> invalid, String field, String code) {
		return comment(description, invalid, field, code, "BAD_REQUEST");
	}

	private static Arguments comment(String description, Map<String, Object> invalid, String field, String code,
			String classification) {
		return invalid("createComment", description, CREATE_COMMENT,
				Map.of("postId", PUBLISHED_POST, "authorId", BOB, "content", "Text"), invalid, field, code,
				classification);
	}

	private static Arguments invalid(String operation, String description, String document, Map<String, Object> valid,
			Map<String, Object> invalid, String field, String code, String classification) {
		Map<String, Object> variables = new HashMap<>(valid);
		variables.putAll(invalid);
		return Arguments.of(operation + ": " + description, document, variables, field, code, classification);
	}

	private Map<String, Object> createUser() {
		String suffix = suffix();
		return this.graphQl.document(CREATE_USER)
			.variables(Map.of("email", suffix + "@example.com", "username", "u_" + suffix, "fullName", "U " + suffix))
			.execute()
			.path("createUser")
			.entity(MAP)
			.get();
	}

	private Map<String, Object> createPost(String author, String slugPrefix) {
		return this.graphQl.document(CREATE_POST)
			.variables(Map.of("authorId", author, "title", "Post " + slugPrefix, "slug", slugPrefix + "-" + suffix(),
					"content", "Text"))
			.execute()
			.path("createPost")
			.entity(MAP)
			.get();
	}

	private int recordView(String post) {
		return this.graphQl.document(RECORD_VIEW)
			.variable("id", post)
			.execute()
			.path("recordView.viewCount")
			.entity(Integer.class)
			.get();
	}

	private List<Map<String, Object>> posts(String document) {
		return this.graphQl.document(document).execute().path("posts").entityList(MAP).get();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
