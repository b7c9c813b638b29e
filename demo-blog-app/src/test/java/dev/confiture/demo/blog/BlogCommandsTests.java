package dev.confiture.demo.blog;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes through JPA ({@code ddl-auto=validate} against the tables Confiture built) reach
 * the {@code tv_} documents inside the test's transaction, before any commit; the
 * transaction is rolled back at the end.
 */
@DataJpaTest
@AutoConfigureConfiture
@Import(BlogCommands.class)
class BlogCommandsTests {

	private static final String ALICE = "00000000-0000-0000-0000-000000000001";

	@Autowired
	BlogCommands commands;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createdPostIsInTvPostInTheSameTransaction() {
		UUID post = this.commands.createPost(ALICE, "Through JPA", "through-jpa", "Written by Hibernate.", null,
				List.of("jpa"), true);
		assertThat(document("SELECT data ->> 'title' FROM tv_post WHERE id = ?", post)).isEqualTo("Through JPA");
		assertThat(document("SELECT data ->> 'excerpt' FROM tv_post WHERE id = ?", post))
			.isEqualTo("Written by Hibernate.");
		assertThat(document("SELECT data -> 'author' ->> 'username' FROM tv_post WHERE id = ?", post))
			.isEqualTo("alice");
	}

	@Test
	void commentAndViewRefreshThePostDocument() {
		UUID post = this.commands.createPost(ALICE, "Counted", "counted", "Text.", null, List.of(), true);
		this.commands.createComment(post.toString(), ALICE, "Mine.");
		this.commands.recordView(post.toString());
		assertThat(document("SELECT data ->> 'commentCount' FROM tv_post WHERE id = ?", post)).isEqualTo("1");
		assertThat(document("SELECT data ->> 'viewCount' FROM tv_post WHERE id = ?", post)).isEqualTo("1");
	}

	@Test
	void createdUserIsInTvUserInTheSameTransaction() {
		UUID user = this.commands.createUser("jpa@example.com", "jpa_user", "Jpa User", null);
		assertThat(document("SELECT data ->> 'fullName' FROM tv_user WHERE id = ?", user)).isEqualTo("Jpa User");
	}

	private String document(String sql, UUID id) {
		return this.jdbc.sql(sql).param(id).query(String.class).single();
	}

}
