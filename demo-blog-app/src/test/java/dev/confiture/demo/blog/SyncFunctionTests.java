package dev.confiture.demo.blog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.confiture.spring.boot.test.autoconfigure.ConfitureTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync functions and their triggers: each write to a {@code tb_} table shows up in
 * the {@code tv_} documents in the same transaction, whoever writes (plain SQL here; JPA
 * in {@link BlogCommandsTests}). A database of its own, cloned from the template
 * Confiture built from {@code db/schema} and the {@code common} and {@code test} seeds.
 */
@ConfitureTest
class SyncFunctionTests {

	private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
	};

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void insertedUserHasItsDocument() {
		UUID user = insertUser("Ada Lovelace");
		assertThat(document("tv_user", user)).containsEntry("id", user.toString())
			.containsEntry("username", "u" + user.toString().substring(0, 8))
			.containsEntry("fullName", "Ada Lovelace")
			.containsEntry("isActive", true)
			.containsKeys("email", "bio", "createdAt", "updatedAt");
	}

	@Test
	void insertedPostEmbedsItsAuthorAndCounts() {
		UUID user = insertUser("Post Author");
		UUID post = insertPost(user);
		Map<String, Object> document = document("tv_post", post);
		assertThat(document).containsEntry("id", post.toString())
			.containsEntry("tags", List.of("sql"))
			.containsEntry("isPublished", false)
			.containsEntry("commentCount", 0)
			.containsEntry("viewCount", 0)
			.containsEntry("comments", List.of())
			.containsEntry("author", document("tv_user", user));
	}

	@Test
	void commentsAreEmbeddedInTheirPostAndCounted() {
		UUID user = insertUser("Commenter");
		UUID post = insertPost(user);
		UUID first = insertComment(post, user, "first");
		UUID second = insertComment(post, user, "second");
		Map<String, Object> firstDocument = document("tv_comment", first);
		assertThat(firstDocument).containsEntry("postId", post.toString())
			.containsEntry("content", "first")
			.containsEntry("author", document("tv_user", user));
		assertThat(document("tv_post", post)).containsEntry("commentCount", 2)
			.containsEntry("comments", List.of(firstDocument, document("tv_comment", second)));
		this.jdbc.sql("DELETE FROM tb_comment WHERE pk_comment = ?").param(first).update();
		assertThat(documents("tv_comment", first)).isEmpty();
		assertThat(document("tv_post", post)).containsEntry("commentCount", 1);
	}

	@Test
	void updatesRefreshEveryDocumentThatEmbedsTheRow() {
		UUID user = insertUser("Old Name");
		UUID post = insertPost(user);
		UUID comment = insertComment(post, user, "mine");
		this.jdbc.sql("UPDATE tb_user SET full_name = 'New Name' WHERE pk_user = ?").param(user).update();
		this.jdbc.sql("UPDATE tb_post SET view_count = 7, is_published = true WHERE pk_post = ?").param(post).update();
		assertThat(author(document("tv_user", user))).isEqualTo("New Name");
		assertThat(author(document("tv_comment", comment))).isEqualTo("New Name");
		Map<String, Object> postDocument = document("tv_post", post);
		assertThat(author(postDocument)).isEqualTo("New Name");
		assertThat(postDocument).containsEntry("viewCount", 7).containsEntry("isPublished", true);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> comments = (List<Map<String, Object>>) postDocument.get("comments");
		assertThat(comments).singleElement()
			.satisfies((embedded) -> assertThat(author(embedded)).isEqualTo("New Name"));
	}

	@Test
	void deletedPostLosesItsDocument() {
		UUID post = insertPost(insertUser("Deleter"));
		this.jdbc.sql("DELETE FROM tb_post WHERE pk_post = ?").param(post).update();
		assertThat(documents("tv_post", post)).isEmpty();
	}

	@Test
	void documentsAreWrittenInTheTransactionOfTheWrite() {
		UUID[] written = new UUID[2];
		this.transactions.executeWithoutResult((status) -> {
			written[0] = insertUser("Rolled Back");
			written[1] = insertPost(written[0]);
			assertThat(documents("tv_post", written[1])).hasSize(1);
			status.setRollbackOnly();
		});
		assertThat(documents("tv_user", written[0])).isEmpty();
		assertThat(documents("tv_post", written[1])).isEmpty();
	}

	private UUID insertUser(String fullName) {
		UUID id = UUID.randomUUID();
		String username = "u" + id.toString().substring(0, 8);
		this.jdbc.sql("INSERT INTO tb_user (pk_user, email, username, full_name) VALUES (?, ?, ?, ?)")
			.params(id, username + "@example.com", username, fullName)
			.update();
		return id;
	}

	private UUID insertPost(UUID author) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql(
				"INSERT INTO tb_post (pk_post, fk_user, title, slug, content, tags) VALUES (?, ?, 'T', ?, 'C', '{sql}')")
			.params(id, author, "p-" + id)
			.update();
		return id;
	}

	private UUID insertComment(UUID post, UUID author, String content) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO tb_comment (pk_comment, fk_post, fk_user, content) VALUES (?, ?, ?, ?)")
			.params(id, post, author, content)
			.update();
		return id;
	}

	private Map<String, Object> document(String table, UUID id) {
		List<Map<String, Object>> documents = documents(table, id);
		assertThat(documents).as("%s document of %s", table, id).hasSize(1);
		return documents.get(0);
	}

	private List<Map<String, Object>> documents(String table, UUID id) {
		return this.jdbc.sql("SELECT data FROM " + table + " WHERE id = ?")
			.param(id)
			.query(String.class)
			.list()
			.stream()
			.map((document) -> this.json.readValue(document, DOCUMENT))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Object author(Map<String, Object> document) {
		Map<String, Object> author = (Map<String, Object>) document.getOrDefault("author", document);
		return author.get("fullName");
	}

}
