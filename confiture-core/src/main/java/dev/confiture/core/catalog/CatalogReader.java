package dev.confiture.core.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.Environment;
import dev.confiture.core.internal.ConfitureTables;

/**
 * Reads a {@link Catalog} from a database with one query per kind of object, all sent in
 * one round trip, in one read-only transaction with an empty {@code search_path} so that
 * every name in the canonical text is schema-qualified. Objects owned by extensions and
 * Confiture's own tables are left out.
 */
public final class CatalogReader {

	/**
	 * The catalog queries, in the order their results are read: one round trip for all.
	 */
	private static final List<String> QUERIES = List.of("schemas", "collations", "types", "sequences", "tables",
			"columns", "constraints", "indexes", "views", "routines", "triggers", "policies", "replica-identities",
			"index-attachments", "comments", "relation-names", "dependencies");

	private static final String NO_SEARCH_PATH = "SET LOCAL search_path = ''";

	private final Set<String> ignoredTables;

	/**
	 * Creates a reader that leaves out the given tables.
	 * @param ignoredTables table names, unqualified (any schema) or {@code schema.table}
	 */
	public CatalogReader(Set<String> ignoredTables) {
		this.ignoredTables = Set.copyOf(ignoredTables);
	}

	/**
	 * The history tables of Flyway and Liquibase under their well-known names: a database
	 * adopted from either keeps them, and they are not part of its schema.
	 */
	public static final Set<String> OTHER_TOOLS_TABLES = Set.of("flyway_schema_history", "databasechangelog",
			"databasechangeloglock");

	/**
	 * A reader that leaves out Confiture's tables (the builds table, the default tracking
	 * table and the given one) and the history tables of Flyway and Liquibase
	 * ({@link #OTHER_TOOLS_TABLES}).
	 * @param trackingTable the configured tracking table, possibly schema-qualified, or
	 * {@code null}
	 * @return the reader
	 */
	public static CatalogReader ignoringConfitureTables(String trackingTable) {
		Set<String> ignored = new HashSet<>(
				Set.of(ConfitureTables.BUILDS, Environment.DEFAULT_TRACKING_TABLE, ConfitureTables.SYNC_PROGRESS));
		ignored.addAll(OTHER_TOOLS_TABLES);
		if (trackingTable != null) {
			ignored.add(trackingTable);
		}
		return new CatalogReader(ignored);
	}

	/**
	 * Reads the catalog of the database the connection is open on. The connection's
	 * transaction state is restored afterwards.
	 * @param connection an open connection
	 * @return the catalog
	 * @throws ConfitureException if a query fails
	 */
	public Catalog read(Connection connection) {
		try {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				return read(statement,
						List.of("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY", NO_SEARCH_PATH));
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not read the schema catalog: " + ex.getMessage(),
					"Check that the user may read pg_catalog", ex);
		}
	}

	/**
	 * Reads the catalog inside the connection's current transaction, seeing its
	 * uncommitted changes, and leaves that transaction as it was (the reader's own
	 * settings are undone through a savepoint).
	 * @param connection a connection inside a transaction
	 * @return the catalog
	 * @throws ConfitureException if a query fails
	 */
	public Catalog readInTransaction(Connection connection) {
		try {
			java.sql.Savepoint savepoint = connection.setSavepoint();
			try (Statement statement = connection.createStatement()) {
				return read(statement, List.of(NO_SEARCH_PATH));
			}
			finally {
				connection.rollback(savepoint);
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not read the schema catalog: " + ex.getMessage(),
					"Check that the user may read pg_catalog", ex);
		}
	}

	private Catalog read(Statement statement, List<String> settings) throws SQLException {
		List<CatalogObject> objects = new ArrayList<>();
		Dependencies dependencies = new Dependencies();
		TableRows tables = new TableRows();
		DependencyRows references = new DependencyRows();
		CatalogQuery query = new CatalogQuery(statement, settings, QUERIES);
		SchemaObjectRows.schemas(query.next("schemas"), objects);
		CollationReader.read(query.next("collations"), objects);
		SchemaObjectRows.types(query.next("types"), objects);
		SchemaObjectRows.sequences(query.next("sequences"), objects);
		tables.tables(query.next("tables"));
		tables.columns(query.next("columns"), dependencies);
		tables.addTables(objects);
		TableObjectRows.constraints(query.next("constraints"), objects);
		TableObjectRows.indexes(query.next("indexes"), objects);
		ViewRoutineRows.views(query.next("views"), objects);
		ViewRoutineRows.routines(query.next("routines"), objects);
		TableObjectRows.triggers(query.next("triggers"), objects);
		TableObjectRows.policies(query.next("policies"), objects);
		PartitionCatalog.readReplicaIdentities(query.next("replica-identities"), objects);
		PartitionCatalog.readIndexAttachments(query.next("index-attachments"), objects);
		references.comments(query.next("comments"));
		references.names(query.next("relation-names"));
		references.dependencies(query.next("dependencies"), dependencies);
		objects.removeIf(this::isIgnored);
		Set<ObjectId> known = new HashSet<>();
		objects.forEach((object) -> known.add(object.id()));
		references.addComments(objects, (target) -> known.contains(target)
				|| (dependencies.tableOf(target) != null && known.contains(dependencies.tableOf(target))));
		return new Catalog(objects, dependencies);
	}

	private boolean isIgnored(CatalogObject object) {
		String table = null;
		if (object instanceof Table candidate) {
			table = candidate.name();
		}
		else if (object instanceof Constraint constraint) {
			table = constraint.table();
		}
		else if (object instanceof Index index) {
			table = index.table();
		}
		else if (object instanceof Trigger trigger) {
			table = trigger.table();
		}
		else if (object instanceof Policy policy) {
			table = policy.table();
		}
		else if (object instanceof ReplicaIdentity identity) {
			table = identity.table();
		}
		else if (object instanceof Sequence sequence && sequence.ownedBy() != null) {
			table = sequence.ownedBy().substring(0, sequence.ownedBy().lastIndexOf('.'));
		}
		return table != null && isIgnoredTable(table);
	}

	private boolean isIgnoredTable(String qualifiedName) {
		String unqualified = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
		return this.ignoredTables.contains(qualifiedName) || this.ignoredTables.contains(unqualified);
	}

}
