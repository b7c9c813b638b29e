package dev.confiture.spring.boot.test.autoconfigure;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A JDBC repository of the sample application.
 */
@Repository
class CustomerDirectory {

	private final JdbcClient jdbc;

	CustomerDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(String email, String name) {
		this.jdbc.sql("INSERT INTO customer (email, name) VALUES (?, ?)").params(email, name).update();
	}

	List<String> emails() {
		return this.jdbc.sql("SELECT email FROM customer ORDER BY id").query(String.class).list();
	}

}
