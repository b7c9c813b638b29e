package dev.confiture.core.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogLoader;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.SqlSource;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.diff.DiffOptions;
import dev.confiture.core.diff.SchemaDiff;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.build.SchemaScripts;

/**
 * Detects drift: compares a live database with a fresh build of an environment's schema
 * files (seeds left out) in a throw-away database, and names every difference.
 * Confiture's own tables are ignored.
 */
public final class SchemaVerifier {

	private final PostgresServer shadowServer;

	/**
	 * Creates a verifier.
	 * @param shadowServer the server on which the schema files are built
	 */
	public SchemaVerifier(PostgresServer shadowServer) {
		this.shadowServer = shadowServer;
	}

	/**
	 * Compares the database with the environment's schema files.
	 * @param environment the environment whose schema files are the truth
	 * @param database the live database
	 * @return the differences, empty when there is no drift
	 * @throws ConfitureException if the files cannot be built or the database cannot be
	 * read
	 */
	public DriftReport verify(Environment environment, ConnectionSettings database) {
		return verify(environment, database, database.toString());
	}

	/**
	 * Compares a database reached through any connection source (e.g. a
	 * {@code DataSource}) with the environment's schema files.
	 * @param environment the environment whose schema files are the truth
	 * @param database opens connections to the live database
	 * @param description the live database for messages, without secrets
	 * @return the differences, empty when there is no drift
	 * @throws ConfitureException if the files cannot be built or the database cannot be
	 * read
	 */
	public DriftReport verify(Environment environment, ConnectionSource database, String description) {
		CatalogReader reader = CatalogReader.ignoringConfitureTables(environment.trackingTable());
		List<SqlSource> sources = SchemaScripts.of(environment);
		Catalog expected = new CatalogLoader(this.shadowServer, reader).load(sources);
		Catalog actual;
		try (Connection connection = database.open()) {
			actual = reader.read(connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not connect to " + description + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and that the environment's database settings are right", ex);
		}
		return new DriftReport(SchemaDiff.compare(actual, expected, DiffOptions.defaults()));
	}

}
