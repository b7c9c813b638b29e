package dev.confiture.spring.boot.h2app;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.confiture.spring.boot.autoconfigure.ConfitureMigrationInitializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An H2 {@code @DataJpaTest} of an application with the starter: Confiture backs off with
 * one warning and the test runs as before.
 */
@DataJpaTest
@ExtendWith(OutputCaptureExtension.class)
class H2DataJpaTests {

	@Autowired
	EntityManager entityManager;

	@Autowired
	ConfitureMigrationInitializer initializer;

	@Test
	void jpaWorksOnH2AndConfitureSkipped(CapturedOutput output) {
		this.entityManager.persist(new Pet("Rex"));
		assertThat(this.entityManager.createQuery("select count(p) from Pet p", Long.class).getSingleResult())
			.isEqualTo(1);
		assertThat(this.initializer).isNotNull();
	}

}
