package dev.confiture.spring.boot.autoconfigure;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.confiture.core.Confiture;
import dev.confiture.core.adopt.AdoptionState;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.Migrator;

/**
 * The first start of {@code confiture.mode=auto} on a database that already has a schema but
 * no tracking table: applying the migrations from the first one would fail or do harm, so
 * startup stops with the commands that adopt the database, unless
 * {@code confiture.baseline-on-first-start} marks every migration as applied first.
 */
final class ConfitureFirstStart {

	private static final Log logger = LogFactory.getLog(ConfitureFirstStart.class);

	private ConfitureFirstStart() {
	}

	/**
	 * Checks the database before auto mode migrates it.
	 * @param confiture the Confiture instance
	 * @param migrator the migrator of this start
	 * @param baselineOnFirstStart whether to baseline instead of stopping
	 * @throws ConfitureException if the database needs adopting and baselining is not allowed
	 */
	static void check(Confiture confiture, Migrator migrator, boolean baselineOnFirstStart) {
		AdoptionState state = confiture.adoptionState();
		if (!state.needsAdoption()) {
			return;
		}
		String environment = confiture.environment().name();
		String table = confiture.environment().trackingTable();
		if (baselineOnFirstStart) {
			String latest = migrator.migrations()
				.stream()
				.map(MigrationInfo::version)
				.max(Comparator.comparing(BigInteger::new))
				.orElse("0");
			List<MigrationInfo> recorded = migrator.baseline(latest);
			logger.warn("Confiture: first start on a database with a schema but no tracking table " + table
					+ " (confiture.baseline-on-first-start=true): marked " + recorded.size()
					+ " migration(s) up to " + latest + " as applied without running them");
			return;
		}
		List<String> objects = state.userObjects();
		String shown = String.join(", ", objects.subList(0, Math.min(5, objects.size())))
				+ ((objects.size() > 5) ? " and " + (objects.size() - 5) + " more" : "");
		StringBuilder message = new StringBuilder("confiture.mode=auto found a database that already has a schema (")
			.append(shown)
			.append(") but no tracking table ")
			.append(table)
			.append(": applying every migration from the first one would fail or do harm, so nothing was run.");
		if (state.flywayHistory() != null) {
			message.append(" It has Flyway's history (")
				.append(state.flywayHistory())
				.append("): bring it over with 'confiture migrate import-flyway --env ")
				.append(environment)
				.append("'.");
		}
		if (state.liquibaseHistory() != null) {
			message.append(" It has Liquibase's history (").append(state.liquibaseHistory()).append(").");
		}
		throw new ConfitureException(Category.GENERIC, message.toString(),
				"Adopt the database once: 'confiture init --from-database --env " + environment
						+ " --baseline' writes db/schema from it and marks every migration as applied"
						+ ((state.flywayHistory() != null)
								? ", 'confiture migrate import-flyway --env " + environment + "' carries Flyway's history over"
								: "")
						+ ", or 'confiture migrate baseline VERSION' marks the migrations it already contains. "
						+ "Or set confiture.baseline-on-first-start=true to mark every migration as applied on this start "
						+ "and migrate normally afterwards.");
	}

}
