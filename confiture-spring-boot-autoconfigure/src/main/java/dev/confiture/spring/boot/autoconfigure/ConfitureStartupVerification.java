package dev.confiture.spring.boot.autoconfigure;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.verify.DriftReport;
import dev.confiture.core.verify.VerifyOptions;

/**
 * Verifies the managed database at startup ({@code confiture.check-drift=true}): compares
 * it with a fresh build of the schema files, as {@code migrate verify} does, building
 * them into a throw-away database on the shadow server.
 */
class ConfitureStartupVerification {

	private final Confiture confiture;

	private final ConnectionSettings shadow;

	ConfitureStartupVerification(Confiture confiture, ConnectionSettings shadow) {
		this.confiture = confiture;
		this.shadow = shadow;
	}

	DriftReport check() {
		if (this.shadow == null) {
			throw new ConfitureException(Category.CONFIG,
					"confiture.check-drift needs a server where Confiture may create a throw-away database",
					"Set confiture.shadow-url (or spring.datasource.url / confiture.url with a user that may CREATE DATABASE)");
		}
		return this.confiture.verify(VerifyOptions.on(PostgresServers.existing(this.shadow, "confiture.shadow-url")));
	}

}
