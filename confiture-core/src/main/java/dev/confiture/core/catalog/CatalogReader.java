package dev.confiture.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.SchemaBuilder;
import dev.confiture.core.config.Environment;

/**
 * Reads a {@link Catalog} from a database with one query per kind of object, in one
 * read-only transaction with an empty {@code search_path} so that every name in the
 * canonical text is schema-qualified. Objects owned by extensions and Confiture's own
 * tables are left out.
 */
public final class CatalogReader {

	private static final Map<String, String> COMMENT_TARGETS = Map.ofEntries(Map.entry("table", "TABLE"),
			Map.entry("table column", "COLUMN"), Map.entry("view", "VIEW"),
			Map.entry("materialized view", "MATERIALIZED VIEW"), Map.entry("index", "INDEX"),
			Map.entry("sequence", "SEQUENCE"), Map.entry("type", "TYPE"), Map.entry("function", "FUNCTION"),
			Map.entry("procedure", "PROCEDURE"), Map.entry("schema", "SCHEMA"),
			Map.entry("table constraint", "CONSTRAINT"), Map.entry("trigger", "TRIGGER"),
			Map.entry("policy", "POLICY"));

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
				Set.of(SchemaBuilder.BUILDS_TABLE, Environment.DEFAULT_TRACKING_TABLE, "confiture_sync_progress"));
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
				statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
				statement.execute("SET LOCAL search_path = ''");
				return read(statement);
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
				statement.execute("SET LOCAL search_path = ''");
				return read(statement);
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

	private Catalog read(Statement statement) throws SQLException {
		List<CatalogObject> objects = new ArrayList<>();
		Dependencies dependencies = new Dependencies();
		readSchemas(statement, objects);
		CollationReader.read(statement, objects, sql("collations"));
		readTypes(statement, objects);
		readSequences(statement, objects);
		readTables(statement, objects, dependencies);
		readConstraints(statement, objects);
		readIndexes(statement, objects);
		readViews(statement, objects);
		readRoutines(statement, objects);
		readTriggers(statement, objects);
		readPolicies(statement, objects);
		PartitionCatalog.readReplicaIdentities(statement, objects);
		PartitionCatalog.readIndexAttachments(statement, objects);
		objects.removeIf(this::isIgnored);
		Set<ObjectId> known = new HashSet<>();
		objects.forEach((object) -> known.add(object.id()));
		readComments(statement, objects, (target) -> known.contains(target)
				|| (dependencies.tableOf(target) != null && known.contains(dependencies.tableOf(target))));
		readDependencies(statement, dependencies);
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

	private static void readSchemas(Statement statement, List<CatalogObject> objects) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("schemas"))) {
			while (rs.next()) {
				objects.add(rs.getString("kind").equals("schema") ? new Schema(rs.getString("name"))
						: new Extension(rs.getString("name"), rs.getString("schema"), rs.getString("version"),
								strings(rs.getArray("updatable"))));
			}
		}
	}

	private static void readTypes(Statement statement, List<CatalogObject> objects) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("types"))) {
			while (rs.next()) {
				String name = rs.getString("name");
				switch (rs.getString("kind")) {
					case "e" -> objects.add(new EnumType(name, strings(rs.getArray("labels"))));
					case "d" -> {
						Map<String, String> checks = new LinkedHashMap<>();
						List<String> names = strings(rs.getArray("check_names"));
						List<String> definitions = strings(rs.getArray("check_definitions"));
						for (int i = 0; i < names.size(); i++) {
							checks.put(names.get(i), definitions.get(i));
						}
						objects.add(new DomainType(name, rs.getString("base_type"), rs.getString("collation"),
								rs.getString("default_expression"), rs.getBoolean("not_null"), checks));
					}
					default -> {
						Map<String, String> attributes = new LinkedHashMap<>();
						List<String> names = strings(rs.getArray("attribute_names"));
						List<String> types = strings(rs.getArray("attribute_types"));
						for (int i = 0; i < names.size(); i++) {
							attributes.put(names.get(i), types.get(i));
						}
						objects.add(new CompositeType(name, attributes));
					}
				}
			}
		}
	}

	private static void readSequences(Statement statement, List<CatalogObject> objects) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("sequences"))) {
			while (rs.next()) {
				objects.add(new Sequence(rs.getString("name"), rs.getString("data_type"), rs.getLong("seqstart"),
						rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"),
						rs.getBoolean("seqcycle"), rs.getString("owned_by")));
			}
		}
	}

	private static void readTables(Statement statement, List<CatalogObject> objects, Dependencies dependencies)
			throws SQLException {
		Map<Long, String> names = new HashMap<>();
		Map<Long, Map<String, Column>> columns = new HashMap<>();
		Map<Long, Map<String, Column>> allColumns = new HashMap<>();
		List<Object[]> rows = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(sql("tables"))) {
			while (rs.next()) {
				long oid = rs.getLong("oid");
				names.put(oid, rs.getString("name"));
				columns.put(oid, new LinkedHashMap<>());
				rows.add(new Object[] { oid, rs.getString("name"), rs.getBoolean("unlogged"),
						rs.getString("partition_key"), rs.getString("partition_of"), rs.getString("partition_bound"),
						strings(rs.getArray("inherits")), rs.getBoolean("relrowsecurity"),
						rs.getBoolean("relforcerowsecurity"), strings(rs.getArray("options")) });
			}
		}
		try (ResultSet rs = statement.executeQuery(sql("columns"))) {
			while (rs.next()) {
				long oid = rs.getLong("attrelid");
				String table = names.get(oid);
				if (table == null) {
					continue;
				}
				String name = rs.getString("name");
				dependencies.addColumn(ObjectId.column(table, name), ObjectId.of("table", table));
				Column column = new Column(name, rs.getString("type"), rs.getString("collation"),
						rs.getBoolean("attnotnull"), rs.getString("default_expression"), rs.getString("identity"),
						rs.getString("identity_options"), rs.getString("generated"),
						rs.getString("generation_expression"));
				allColumns.computeIfAbsent(oid, (key) -> new LinkedHashMap<>()).put(name, column);
				if (rs.getBoolean("attislocal")) {
					columns.get(oid).put(name, column);
				}
			}
		}
		Map<String, Long> oids = new HashMap<>();
		names.forEach((oid, name) -> oids.put(name, oid));
		for (Object[] row : rows) {
			if (row[4] != null && oids.containsKey((String) row[4])) {
				columns.put((Long) row[0], PartitionCatalog.partitionColumns(allColumns.getOrDefault(row[0], Map.of()),
						allColumns.getOrDefault(oids.get((String) row[4]), Map.of())));
			}
			@SuppressWarnings("unchecked")
			List<String> inherits = (List<String>) row[6];
			@SuppressWarnings("unchecked")
			List<String> options = (List<String>) row[9];
			objects.add(new Table((String) row[1], columns.get((Long) row[0]), (Boolean) row[2], (String) row[3],
					(String) row[4], (String) row[5], inherits, (Boolean) row[7], (Boolean) row[8], options));
		}
	}

	private static void readConstraints(Statement statement, List<CatalogObject> objects) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("constraints"))) {
			while (rs.next()) {
				boolean validated = rs.getBoolean("convalidated");
				String definition = rs.getString("definition");
				if (!validated && definition.endsWith(" NOT VALID")) {
					definition = definition.substring(0, definition.length() - " NOT VALID".length());
				}
				objects.add(new Constraint(rs.getString("table_name"), rs.getString("name"), rs.getString("contype"),
						definition, validated, index(rs.getString("index_name"))));
			}
		}
	}

	private static ObjectId index(String name) {
		return (name != null) ? ObjectId.of("index", name) : null;
	}

	private static void readIndexes(Statement statement, List<CatalogObject> objects) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("indexes"))) {
			while (rs.next()) {
				objects.add(new Index(rs.getString("name"), rs.getString("table_name"), rs.getString("definition"),
						rs.getBoolean("partitioned"), rs.getBoolean("valid"), rs.getBoolean("ready")));
			}
		}
	}

	private static void readViews(Statement statement, List<CatalogObject> objects) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("views"))) {
			while (rs.next()) {
				String query = rs.getString("query").strip();
				if (query.endsWith(";")) {
					query = query.substring(0, query.length() - 1);
				}
				objects.add(new View(rs.getString("name"), rs.getBoolean("materialized"), query,
						strings(rs.getArray("options"))));
			}
		}
	}

	private static void readRoutines(Statement statement, List<CatalogObject> objects) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("routines"))) {
			while (rs.next()) {
				objects.add(new Routine(rs.getString("signature"), rs.getBoolean("procedure"),
						rs.getString("arguments"), rs.getString("result"), rs.getString("definition").strip()));
			}
		}
	}

	private static void readTriggers(Statement statement, List<CatalogObject> objects) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("triggers"))) {
			while (rs.next()) {
				objects.add(new Trigger(rs.getString("table_name"), rs.getString("name"), rs.getString("definition"),
						rs.getString("enabled")));
			}
		}
	}

	private static void readPolicies(Statement statement, List<CatalogObject> objects) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("policies"))) {
			while (rs.next()) {
				String command = switch (rs.getString("command")) {
					case "r" -> "SELECT";
					case "a" -> "INSERT";
					case "w" -> "UPDATE";
					case "d" -> "DELETE";
					default -> "ALL";
				};
				String table = rs.getString("table_name");
				String name = rs.getString("name");
				StringBuilder definition = new StringBuilder("CREATE POLICY ").append(name)
					.append(" ON ")
					.append(table)
					.append(" AS ")
					.append(rs.getBoolean("polpermissive") ? "PERMISSIVE" : "RESTRICTIVE")
					.append(" FOR ")
					.append(command)
					.append(" TO ")
					.append(rs.getString("roles"));
				if (rs.getString("using_expression") != null) {
					definition.append(" USING (").append(rs.getString("using_expression")).append(')');
				}
				if (rs.getString("check_expression") != null) {
					definition.append(" WITH CHECK (").append(rs.getString("check_expression")).append(')');
				}
				objects.add(new Policy(table, name, definition.toString()));
			}
		}
	}

	private static void readComments(Statement statement, List<CatalogObject> objects, Predicate<ObjectId> known)
			throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql("comments"))) {
			while (rs.next()) {
				String type = rs.getString("type");
				ObjectId target = ObjectId.of(type, rs.getString("identity"));
				String keyword = COMMENT_TARGETS.get(type);
				if (keyword != null && known.test(target)) {
					objects.add(
							new Comment(target, keyword + " " + rs.getString("identity"), rs.getString("description")));
				}
			}
		}
	}

	private static void readDependencies(Statement statement, Dependencies dependencies) throws SQLException {
		List<long[]> pairs = new java.util.ArrayList<>();
		java.util.Map<ObjectAddress, ObjectId> names = new java.util.LinkedHashMap<>();
		try (ResultSet rs = statement.executeQuery(sql("dependencies"))) {
			while (rs.next()) {
				ObjectAddress dependent = new ObjectAddress(rs.getLong("oc"), rs.getLong("oo"), rs.getInt("os"));
				ObjectAddress referenced = new ObjectAddress(rs.getLong("rc"), rs.getLong("ro"), rs.getInt("rs"));
				names.putIfAbsent(dependent, null);
				names.putIfAbsent(referenced, null);
				pairs.add(new long[] { dependent.classId(), dependent.objectId(), dependent.subId(),
						referenced.classId(), referenced.objectId(), referenced.subId() });
			}
		}
		if (names.isEmpty()) {
			return;
		}
		nameObjects(statement.getConnection(), names);
		for (long[] pair : pairs) {
			ObjectId dependent = names.get(new ObjectAddress(pair[0], pair[1], (int) pair[2]));
			ObjectId referenced = names.get(new ObjectAddress(pair[3], pair[4], (int) pair[5]));
			if (dependent != null && referenced != null) {
				dependencies.add(dependent, referenced);
			}
		}
	}

	/**
	 * Names every object once (its kind and identity): {@code pg_identify_object} is the
	 * expensive part of reading dependencies, and most objects appear in many of them.
	 */
	private static void nameObjects(Connection connection, java.util.Map<ObjectAddress, ObjectId> names)
			throws SQLException {
		List<ObjectAddress> addresses = List.copyOf(names.keySet());
		try (java.sql.PreparedStatement query = connection.prepareStatement(sql("object-names"))) {
			query.setArray(1,
					connection.createArrayOf("oid", addresses.stream().map(ObjectAddress::classId).toArray()));
			query.setArray(2,
					connection.createArrayOf("oid", addresses.stream().map(ObjectAddress::objectId).toArray()));
			query.setArray(3, connection.createArrayOf("int4", addresses.stream().map(ObjectAddress::subId).toArray()));
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					if (rs.getString(4) != null && rs.getString(5) != null) {
						names.put(new ObjectAddress(rs.getLong(1), rs.getLong(2), rs.getInt(3)),
								ObjectId.of(rs.getString(4), rs.getString(5)));
					}
				}
			}
		}
	}

	/**
	 * A catalog object as PostgreSQL addresses it.
	 */
	private record ObjectAddress(long classId, long objectId, int subId) {

	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		Object[] values = (Object[]) array.getArray();
		List<String> result = new ArrayList<>(values.length);
		for (Object value : values) {
			result.add((String) value);
		}
		return result;
	}

	private static final Map<String, String> queries = new ConcurrentHashMap<>();

	static String sql(String name) {
		return queries.computeIfAbsent(name, CatalogReader::load);
	}

	private static String load(String name) {
		try (InputStream in = CatalogReader.class.getResourceAsStream(name + ".sql")) {
			if (in == null) {
				throw new IllegalStateException("Missing catalog query " + name + ".sql");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
