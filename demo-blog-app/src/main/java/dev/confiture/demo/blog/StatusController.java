package dev.confiture.demo.blog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;

/**
 * What Confiture did at startup, and the blog's users and posts read back from the database.
 */
@RestController
class StatusController {

	private final JdbcClient jdbc;

	private final ConfitureRunState confiture;

	StatusController(JdbcClient jdbc, ConfitureRunState confiture) {
		this.jdbc = jdbc;
		this.confiture = confiture;
	}

	@GetMapping("/")
	Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("startup", this.confiture.lastRun().action());
		status.put("tables", this.jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
			.query(String.class)
			.list());
		status.put("details", "/actuator/confiture");
		return status;
	}

	@GetMapping("/users")
	List<Map<String, Object>> users() {
		return this.jdbc.sql("SELECT pk_user, username, full_name, email FROM tb_user ORDER BY id").query().listOfRows();
	}

	@GetMapping("/posts")
	List<Map<String, Object>> posts() {
		return this.jdbc
			.sql("SELECT p.pk_post, p.title, p.slug, u.username AS author, "
					+ "(SELECT count(*) FROM tb_comment c WHERE c.fk_post = p.pk_post) AS comment_count "
					+ "FROM tb_post p JOIN tb_user u ON u.pk_user = p.fk_user ORDER BY p.id")
			.query()
			.listOfRows();
	}

}
