package dev.confiture.core.migrate;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.internal.Identifiers;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * The table that records applied migrations, as configured: a bare name (found through
 * {@code search_path} like PostgreSQL does) or a schema-qualified one. {@link #resolve}
 * finds where it is, or where it would be created.
 */
final class TrackingTable {

	static final String DEFAULT_NAME = "confiture_migrations";

	private final String configured;

	private final String schema;

	private final String table;

	private TrackingTable(String configured, String schema, String table) {
		this.configured = configured;
		this.schema = schema;
		this.table = table;
	}

	/**
	 * Parses {@code table}, {@code schema.table} or their quoted forms. Unquoted
	 * identifiers are folded to lower case, as PostgreSQL does.
	 * @param name the configured name, or {@code null} for the default
	 * @return the table
	 */
	static TrackingTable parse(String name) {
		String configured = (name == null || name.isBlank()) ? DEFAULT_NAME : name.trim();
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		for (int i = 0; i < configured.length(); i++) {
			char c = configured.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < configured.length() && configured.charAt(i + 1) == '"') {
					current.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
				wasQuoted = true;
			}
			else if (c == '.') {
				parts.add(part(current, wasQuoted, configured));
				current.setLength(0);
				wasQuoted = false;
			}
			else {
				current.append(Character.toLowerCase(c));
			}
		}
		if (quoted) {
			throw invalid(configured);
		}
		parts.add(part(current, wasQuoted, configured));
		if (parts.size() > 2) {
			throw invalid(configured);
		}
		return (parts.size() == 2) ? new TrackingTable(configured, parts.get(0), parts.get(1))
				: new TrackingTable(configured, null, parts.get(0));
	}

	private static String part(StringBuilder text, boolean quoted, String configured) {
		String part = quoted ? text.toString() : text.toString().trim();
		if (part.isEmpty() || (!quoted && !part.matches("[\\p{L}_][\\p{L}\\p{N}_$]*"))) {
			throw invalid(configured);
		}
		return part;
	}

	private static ConfitureException invalid(String configured) {
		return new ConfitureException(Category.CONFIG, "Invalid tracking table name '" + configured + "'",
				"Use a table name such as confiture_migrations, optionally schema-qualified: myschema.confiture_migrations");
	}

	/** The name as configured. */
	String configured() {
		return this.configured;
	}

	/**
	 * Finds the table: a bare name through {@code search_path} ({@code to_regclass}), a
	 * qualified one in its schema. If it does not exist, the result names where it would
	 * be created.
	 * @param connection a connection
	 * @return where the table is
	 * @throws SQLException on database failure
	 */
	Resolved resolve(Connection connection) throws SQLException {
		String sql = "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE c.oid = to_regclass(?) AND c.relkind IN ('r', 'p')";
		String name = (this.schema != null)
				? Identifiers.quoteIfNeeded(this.schema) + "." + Identifiers.quoteIfNeeded(this.table)
				: Identifiers.quoteIfNeeded(this.table);
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					return new Resolved(result.getString(1), result.getString(2), true);
				}
			}
		}
		if (this.schema != null) {
			return new Resolved(this.schema, this.table, false);
		}
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_schema()")) {
			String current = result.next() ? result.getString(1) : null;
			if (current == null) {
				throw new ConfitureException(Category.CONFIG,
						"Cannot create tracking table " + this.configured + ": no schema of search_path exists",
						"Create a schema of search_path, or configure a schema-qualified tracking table such as "
								+ "public." + this.table);
			}
			return new Resolved(current, this.table, false);
		}
	}

	/**
	 * Where a schema-qualified table is, without looking: {@code null} for a bare name,
	 * which only {@link #resolve} can place.
	 * @return the table, not known to exist
	 */
	Resolved qualified() {
		return (this.schema != null) ? new Resolved(this.schema, this.table, false) : null;
	}

	@Override
	public String toString() {
		return this.configured;
	}

	/**
	 * The tracking table at a known place.
	 *
	 * @param schema the schema
	 * @param table the table name
	 * @param exists whether it existed when resolved
	 */
	record Resolved(String schema, String table, boolean exists) {

		/** The quoted, schema-qualified name for SQL. */
		String sqlName() {
			return Identifiers.quoteIfNeeded(this.schema) + "." + Identifiers.quoteIfNeeded(this.table);
		}

		/** The name for messages. */
		String displayName() {
			return this.schema + "." + this.table;
		}

		/**
		 * The advisory lock key of this table: the first 64 bits of the SHA-256 of its
		 * qualified name, so that different tracking tables never block each other.
		 */
		long lockKey() {
			try {
				byte[] hash = MessageDigest.getInstance("SHA-256")
					.digest(("confiture:" + this.schema + "." + this.table).getBytes(StandardCharsets.UTF_8));
				return ByteBuffer.wrap(hash).getLong();
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Creates the table (and its schema) unless it exists. The caller serialises
		 * concurrent creators with the migration lock.
		 * @param connection the connection
		 * @return the table, now existing
		 * @throws SQLException on database failure
		 */
		Resolved create(Connection connection) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				if (!schemaExists(connection)) {
					statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quoteIfNeeded(this.schema));
				}
				statement.execute(createSql(true));
				statement.execute(commentSql());
			}
			return new Resolved(this.schema, this.table, true);
		}

		String createSql(boolean ifNotExists) {
			return "CREATE TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + sqlName() + " (\n"
					+ "\tversion text PRIMARY KEY CHECK (version ~ '^[0-9]+$'),\n" + "\tname text NOT NULL,\n"
					+ "\tkind text NOT NULL CHECK (kind IN ('sql', 'java', 'baseline')),\n" + "\tchecksum text,\n"
					+ "\tapplied_by text NOT NULL DEFAULT current_user,\n"
					+ "\tapplied_at timestamptz NOT NULL DEFAULT clock_timestamp(),\n"
					+ "\texecution_ms bigint NOT NULL DEFAULT 0\n" + ")";
		}

		String commentSql() {
			return "COMMENT ON TABLE " + sqlName()
					+ " IS 'Migrations applied by Confiture: one row per applied migration'";
		}

		private boolean schemaExists(Connection connection) throws SQLException {
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
				statement.setString(1, this.schema);
				try (ResultSet result = statement.executeQuery()) {
					return result.next();
				}
			}
		}

		/**
		 * Reads every row, ordered by version.
		 * @param connection the connection
		 * @return the applied migrations
		 * @throws SQLException on database failure
		 */
		List<AppliedMigration> read(Connection connection) throws SQLException {
			if (!this.exists) {
				return List.of();
			}
			List<AppliedMigration> rows = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT version, name, kind, checksum, applied_by, "
							+ "applied_at, execution_ms FROM " + sqlName())) {
				while (result.next()) {
					String text = result.getString(1);
					MigrationVersion version = MigrationVersion.parse(text);
					if (version == null) {
						throw new ConfitureException(Category.SCHEMA,
								"Tracking table " + displayName() + " holds an invalid version '" + text + "'",
								"Versions are digits only; correct or delete that row");
					}
					rows.add(new AppliedMigration(version, result.getString(2),
							MigrationKind.fromId(result.getString(3)), result.getString(4), result.getString(5),
							result.getObject(6, OffsetDateTime.class), result.getLong(7)));
				}
			}
			rows.sort((a, b) -> a.version().compareTo(b.version()));
			return rows;
		}

		void insert(Connection connection, MigrationVersion version, String name, MigrationKind kind, String checksum,
				long executionMs) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + sqlName()
					+ " (version, name, kind, checksum, execution_ms) VALUES (?, ?, ?, ?, ?)")) {
				statement.setString(1, version.text());
				statement.setString(2, name);
				statement.setString(3, kind.id());
				statement.setString(4, checksum);
				statement.setLong(5, executionMs);
				statement.executeUpdate();
			}
		}

		/**
		 * Records many migrations as baselines in one round trip.
		 */
		void insertBaselines(Connection connection, List<ResolvedMigration> migrations) throws SQLException {
			if (migrations.isEmpty()) {
				return;
			}
			try (PreparedStatement statement = connection.prepareStatement(insertBaselinesSql())) {
				bindBaselines(connection, statement, 1, migrations);
				statement.executeUpdate();
			}
		}

		/**
		 * An INSERT of baselines that takes four parameters (see {@link #bindBaselines}).
		 */
		String insertBaselinesSql() {
			return "INSERT INTO " + sqlName() + " (version, name, kind, checksum, execution_ms) SELECT v, n, ?, c, 0 "
					+ "FROM unnest(?::text[], ?::text[], ?::text[]) AS u(v, n, c)";
		}

		static void bindBaselines(Connection connection, PreparedStatement statement, int first,
				List<ResolvedMigration> migrations) throws SQLException {
			String[] versions = migrations.stream()
				.map((migration) -> migration.version().text())
				.toArray(String[]::new);
			String[] names = migrations.stream().map(ResolvedMigration::name).toArray(String[]::new);
			String[] checksums = migrations.stream()
				.map((migration) -> migration.info().checksum())
				.toArray(String[]::new);
			statement.setString(first, MigrationKind.BASELINE.id());
			statement.setArray(first + 1, connection.createArrayOf("text", versions));
			statement.setArray(first + 2, connection.createArrayOf("text", names));
			statement.setArray(first + 3, connection.createArrayOf("text", checksums));
		}

		String insertSql(MigrationVersion version, String name, MigrationKind kind, String checksum) {
			return "INSERT INTO " + sqlName() + " (version, name, kind, checksum, execution_ms) VALUES ("
					+ Identifiers.literal(version.text()) + ", " + Identifiers.literal(name) + ", "
					+ Identifiers.literal(kind.id()) + ", "
					+ ((checksum != null) ? Identifiers.literal(checksum) : "NULL") + ", 0);";
		}

		void delete(Connection connection, MigrationVersion version) throws SQLException {
			try (PreparedStatement statement = connection
				.prepareStatement("DELETE FROM " + sqlName() + " WHERE version = ?")) {
				statement.setString(1, version.text());
				statement.executeUpdate();
			}
		}

	}

}
