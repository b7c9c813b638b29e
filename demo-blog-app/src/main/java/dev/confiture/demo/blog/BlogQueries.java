package dev.confiture.demo.blog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read side: returns the {@code tv_} JSONB documents as they are stored, read with
 * {@link JdbcClient}. They already have the shape of the GraphQL types (author and
 * comments embedded, counts computed), so no resolver joins anything.
 */
@Component
class BlogQueries {

	private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	BlogQueries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	List<Map<String, Object>> users() {
		return documents(this.jdbc.sql("SELECT data FROM tv_user ORDER BY data ->> 'createdAt', data ->> 'username'"));
	}

	Optional<Map<String, Object>> user(UUID id) {
		return document(this.jdbc.sql("SELECT data FROM tv_user WHERE id = ?").param(id));
	}

	List<Map<String, Object>> posts(boolean publishedOnly, int limit, PostOrder order) {
		return documents(this.jdbc
			.sql("SELECT data FROM tv_post WHERE (NOT :publishedOnly OR (data ->> 'isPublished')::boolean) ORDER BY "
					+ order.orderBy() + " LIMIT :limit")
			.param("publishedOnly", publishedOnly)
			.param("limit", limit));
	}

	Optional<Map<String, Object>> post(UUID id) {
		return document(this.jdbc.sql("SELECT data FROM tv_post WHERE id = ?").param(id));
	}

	Optional<Map<String, Object>> comment(UUID id) {
		return document(this.jdbc.sql("SELECT data FROM tv_comment WHERE id = ?").param(id));
	}

	private List<Map<String, Object>> documents(JdbcClient.StatementSpec statement) {
		return statement.query(String.class).list().stream().map(this::parse).toList();
	}

	private Optional<Map<String, Object>> document(JdbcClient.StatementSpec statement) {
		return statement.query(String.class).optional().map(this::parse);
	}

	private Map<String, Object> parse(String document) {
		return this.json.readValue(document, DOCUMENT);
	}

}
