package dev.confiture.demo.blog;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;

/**
 * The home page: what Confiture did at startup, the tables it left, and where to go next.
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
		status.put("tables",
				this.jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
					.query(String.class)
					.list());
		status.put("graphql", "/graphql");
		status.put("graphiql", "/graphiql");
		status.put("confiture", "/actuator/confiture");
		return status;
	}

}
