package dev.confiture.spring.boot.h2app;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

import dev.confiture.spring.boot.autoconfigure.ConfitureMigrationInitializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An H2 {@code @SpringBootTest} of an application with the starter: the context starts,
 * Confiture backs off.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:h2app;DB_CLOSE_DELAY=-1",
		"spring.datasource.username=sa", "spring.jpa.hibernate.ddl-auto=create-drop" })
@Transactional
class H2SpringBootTests {

	@Autowired
	EntityManager entityManager;

	@Autowired
	ConfitureMigrationInitializer initializer;

	@Test
	void contextStartsOnH2WithConfitureSkipped() {
		this.entityManager.persist(new Pet("Tom"));
		assertThat(this.entityManager.createQuery("select p.name from Pet p", String.class).getResultList())
			.containsExactly("Tom");
		assertThat(this.initializer).isNotNull();
	}

}
