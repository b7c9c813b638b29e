package dev.confiture.cli;

import java.util.function.Function;

import picocli.CommandLine.Option;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.coordinate.CoordinationRegistry;

/**
 * The {@code --db-url} option of {@code confiture coordinate} commands, with its
 * fallbacks: environment variables {@value #URL_VARIABLE}, then
 * {@value #DATABASE_URL_VARIABLE}.
 */
public class CoordinationOptions {

	static final String URL_VARIABLE = "CONFITURE_COORDINATION_URL";

	static final String DATABASE_URL_VARIABLE = "DATABASE_URL";

	@Option(names = { "--db-url", "--database-url" }, paramLabel = "URL",
			description = { "Coordination database (postgresql://user:password@host:5432/db or jdbc:postgresql://...).",
					"Default: $" + URL_VARIABLE + ", then $" + DATABASE_URL_VARIABLE + "." })
	String dbUrl;

	/** The registry on the coordination database these options name. */
	CoordinationRegistry registry() {
		return registry(this.dbUrl, System::getenv);
	}

	static CoordinationRegistry registry(String dbUrl, Function<String, String> environment) {
		String url = dbUrl;
		String source = "--db-url";
		for (String variable : new String[] { URL_VARIABLE, DATABASE_URL_VARIABLE }) {
			if (url == null || url.isBlank()) {
				url = environment.apply(variable);
				source = "$" + variable;
			}
		}
		if (url == null || url.isBlank()) {
			throw new ConfitureException(Category.CONFIG,
					"No coordination database: --db-url is not given and neither " + URL_VARIABLE + " nor "
							+ DATABASE_URL_VARIABLE + " is set",
					"Pass --db-url postgresql://user:password@host:5432/confiture_coordination or set " + URL_VARIABLE);
		}
		ConnectionSettings settings;
		try {
			settings = ConnectionSettings.parse(url, null, null);
		}
		catch (ConfitureException ex) {
			throw new ConfitureException(ex.category(), ex.getMessage() + " (from " + source + ")", RemedyText.of(ex),
					ex);
		}
		return Confiture.coordination(settings, settings + " (from " + source + ")");
	}

}
