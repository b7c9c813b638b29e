package dev.confiture.maven;

import java.util.function.Function;

import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.coordinate.CoordinationTexts;

/**
 * Base of the read-only {@code coordinate-*} goals: the coordination database is
 * {@code coordinationUrl}, else {@code $CONFITURE_COORDINATION_URL} (as the command
 * line's {@code --db-url}), else the environment's database ({@code env},
 * {@code databaseUrl}, {@code serverId}).
 */
abstract class AbstractCoordinationMojo extends AbstractConfitureMojo {

	static final String URL_VARIABLE = "CONFITURE_COORDINATION_URL";

	/** The texts of the reports, as the command line shows them on this console. */
	static final CoordinationTexts TEXTS = CoordinationTexts.forStandardOutput();

	/**
	 * The coordination database (postgresql://host:5432/db); default:
	 * $CONFITURE_COORDINATION_URL, then the environment's.
	 */
	@Parameter(property = "confiture.coordinationUrl")
	String coordinationUrl;

	@Override
	boolean requiresMigrationsDirectory() {
		return false;
	}

	@Override
	String extraPassword() {
		return passwordOf(coordinationUrl(System::getenv));
	}

	/**
	 * The registry of intents in the coordination database.
	 * @return the registry
	 */
	CoordinationRegistry registry() {
		String url = coordinationUrl(System::getenv);
		if (url == null) {
			return confiture().coordination();
		}
		String source = Parameters.isSet(this.coordinationUrl) ? "coordinationUrl" : "$" + URL_VARIABLE;
		ConnectionSettings settings;
		try {
			settings = ConnectionSettings.parse(url, null, null);
			if (settings.user() == null) {
				Credentials credentials = connection().credentials();
				settings = ConnectionSettings.parse(url, credentials.user(), credentials.password());
			}
		}
		catch (ConfitureException ex) {
			throw new ConfitureException(ex.category(), ex.getMessage() + " (from " + source + ")", ex.hint(), ex);
		}
		return Confiture.coordination(settings, settings + " (from " + source + ")");
	}

	String coordinationUrl(Function<String, String> environment) {
		if (Parameters.isSet(this.coordinationUrl)) {
			return this.coordinationUrl;
		}
		String variable = environment.apply(URL_VARIABLE);
		return Parameters.valueOf(variable);
	}

}
