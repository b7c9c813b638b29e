package dev.confiture.core.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sql.ScriptExecutor;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.sql.SqlScript;

/**
 * Builds DDL into a throw-away database on a {@link PostgresServer} and reads its
 * {@link Catalog}: PostgreSQL, not a parser, says what the DDL means. The database is
 * dropped afterwards.
 */
public final class CatalogLoader {

	private static final Pattern PG_DUMP_RESTRICT = Pattern.compile("(?m)^\\\\(un)?restrict\\s+\\S+[ \\t]*$");

	private final PostgresServer server;

	private final CatalogReader reader;

	/**
	 * Creates a loader.
	 * @param server the server for throw-away databases
	 * @param reader reads the catalog once the DDL is built
	 */
	public CatalogLoader(PostgresServer server, CatalogReader reader) {
		this.server = server;
		this.reader = reader;
	}

	/**
	 * Builds the scripts into a new database, in one transaction, and reads its catalog.
	 * @param sources the scripts, in order
	 * @return the catalog
	 * @throws ConfitureException if a script cannot be split or a statement fails (with
	 * the script's name and line)
	 */
	public Catalog load(List<SqlSource> sources) {
		try (ScratchDatabase database = this.server.createDatabase()) {
			build(database, sources);
			try (Connection connection = database.connect()) {
				return this.reader.read(connection);
			}
			catch (SQLException ex) {
				throw new ConfitureException(Category.DATABASE,
						"Could not connect to " + database + ": " + ex.getMessage(), (String) null, ex);
			}
		}
	}

	/**
	 * Builds the scripts into an existing database, in one transaction.
	 * @param database the database
	 * @param sources the scripts, in order
	 */
	public static void build(ScratchDatabase database, List<SqlSource> sources) {
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			if (!BatchedBuild.run(connection, sources, PG_DUMP_RESTRICT)) {
				connection.rollback();
				ScriptExecutor executor = new ScriptExecutor(connection, Category.SCHEMA);
				for (SqlSource source : sources) {
					String text = PG_DUMP_RESTRICT.matcher(source.text()).replaceAll("");
					executor.execute(source.name(), SqlScript.split(source.name(), text));
				}
			}
			connection.commit();
		}
		catch (SqlExecutionException ex) {
			throw ex.withHint("Fix " + ex.source() + " at line " + ex.line()
					+ "; it was built into a throw-away database to read what it defines");
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not build the schema into " + database + ": " + ex.getMessage(), (String) null, ex);
		}
	}

}
