package dev.confiture.spring.boot.testapp;

import jakarta.persistence.EntityManagerFactory;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application whose beans read the database while they are created: they only work if
 * Confiture ran first.
 */
@SpringBootApplication
public class TestApplication {

	@Bean
	StartupReads startupReads(EntityManagerFactory entityManagerFactory, DSLContext dsl) {
		var entityManager = entityManagerFactory.createEntityManager();
		try {
			long authors = entityManager.createQuery("select count(a) from Author a", Long.class).getSingleResult();
			int books = dsl.fetchCount(DSL.table(DSL.name("book")));
			return new StartupReads(authors, books);
		}
		finally {
			entityManager.close();
		}
	}

	/**
	 * What the application read during startup.
	 *
	 * @param authors rows of author, through JPA
	 * @param books rows of book, through jOOQ
	 */
	public record StartupReads(long authors, int books) {

	}

}
