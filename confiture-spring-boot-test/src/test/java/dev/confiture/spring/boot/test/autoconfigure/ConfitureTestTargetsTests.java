package dev.confiture.spring.boot.test.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which named targets a test prepares, and the names it refuses.
 */
class ConfitureTestTargetsTests {

	private final MockEnvironment environment = new MockEnvironment()
		.withProperty("confiture.targets.reporting.data-source", "reportingDataSource")
		.withProperty("confiture.targets.archive.data-source", "archiveDataSource")
		.withProperty("confiture.targets.audit.url", "jdbc:postgresql://audit/audit");

	@Test
	void everyTargetNamingADataSourceByDefault() {
		assertThat(ConfitureTestTargets.selected(this.environment, settings())).containsOnlyKeys("archive",
				"reporting");
	}

	@Test
	void onlyTheNamedTargets() {
		assertThat(ConfitureTestTargets.selected(this.environment, settings("reporting")))
			.containsOnlyKeys("reporting");
	}

	@Test
	void unknownTargetNameIsRefusedWithTheKnownNames() {
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> ConfitureTestTargets.selected(this.environment, settings("reportng")))
			.withMessage(
					"@ConfitureTest(targets) names an unknown Confiture target 'reportng'; targets: archive, audit, "
							+ "reporting");
	}

	@Test
	void targetReachedByUrlIsRefused() {
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> ConfitureTestTargets.selected(this.environment, settings("audit")))
			.withMessageContaining("Confiture target 'audit', which is reached by url");
	}

	private static ConfitureTestSettings settings(String... targets) {
		return new ConfitureTestSettings(List.of("common", "test"), TemplateSource.SCHEMA, List.of(targets));
	}

}
