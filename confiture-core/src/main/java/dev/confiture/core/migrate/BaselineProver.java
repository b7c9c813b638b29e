package dev.confiture.core.migrate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.confiture.core.build.BaselineProof;
import dev.confiture.core.build.BaselineProof.Unmirrored;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.Table;
import dev.confiture.core.sql.ScriptExecutor;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.sql.TransactionControl;

/**
 * Proves a baseline: runs the migrations on a freshly built schema, inside the build's
 * transaction, and rolls them back; a migration that changes the catalog is not contained
 * in the schema files. A statement that fails because its object already exists (or, for
 * a drop or a rename, no longer exists) is contained. The SQL migrations first run all
 * together, one after the other, in one server call that compares only the catalog rows
 * they wrote with the built schema; only when that finds a difference is each migration
 * run on its own, and one that may have changed something, like every Java migration, is
 * judged by comparing {@link CatalogReader catalog} snapshots, which also names the
 * changes.
 */
final class BaselineProver {

	/**
	 * SQLSTATEs meaning that a statement's object already exists, or no longer exists.
	 */
	private static final Set<String> CONTAINED = Set.of("42P07", "42701", "42710", "42723", "42P06", "42712", "42P01",
			"42703", "42704", "42883", "3F000", "25001");

	static final List<String> CATALOGS = List.of("pg_namespace", "pg_class", "pg_attribute", "pg_attrdef",
			"pg_constraint", "pg_index", "pg_trigger", "pg_policy", "pg_description", "pg_rewrite", "pg_proc",
			"pg_type", "pg_extension", "pg_enum", "pg_sequence", "pg_inherits", "pg_statistic_ext", "pg_operator",
			"pg_cast", "pg_collation", "pg_conversion", "pg_event_trigger", "pg_foreign_table", "pg_aggregate",
			"pg_opclass", "pg_range", "pg_default_acl", "pg_ts_config", "pg_language", "pg_am", "pg_publication",
			"pg_transform");

	private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\bconcurrently\\b");

	private final Connection connection;

	private final CatalogReader reader;

	private final int serverMajorVersion;

	private Catalog built;

	BaselineProver(Connection connection, String trackingTable, int serverMajorVersion) {
		this.connection = connection;
		this.reader = CatalogReader.ignoringConfitureTables(trackingTable);
		this.serverMajorVersion = serverMajorVersion;
	}

	BaselineProof prove(List<ResolvedMigration> migrations) throws SQLException {
		long started = System.nanoTime();
		List<String> notes = new ArrayList<>();
		List<Unmirrored> unmirrored = new ArrayList<>();
		Map<Integer, Prepared> scripts = new HashMap<>();
		for (int i = 0; i < migrations.size(); i++) {
			if (migrations.get(i) instanceof SqlFileMigration sql) {
				scripts.put(i, prepare(sql));
			}
		}
		Map<Integer, String> suspects = AllAtOnceProof.run(this.connection, scripts, notes) ? new HashMap<>()
				: fastPath(scripts, notes);
		Map<Integer, List<String>> named = new java.util.LinkedHashMap<>();
		for (int i = 0; i < migrations.size(); i++) {
			Prepared script = scripts.get(i);
			if (suspects == null || script == null || script.copies() || suspects.containsKey(i)) {
				List<String> changes = judge(migrations, scripts, List.of(i), notes);
				if (!changes.isEmpty()) {
					named.put(i, changes);
				}
			}
		}
		Set<Integer> undone = undone(migrations, scripts, named.keySet());
		named.forEach((index, changes) -> {
			if (!undone.contains(index)) {
				unmirrored.add(new Unmirrored(migrations.get(index).displayName(),
						migrations.get(index).info().location(), changes));
			}
		});
		return new BaselineProof(true, migrations.size(), unmirrored, notes,
				Duration.ofNanos(System.nanoTime() - started));
	}

	private Prepared prepare(SqlFileMigration migration) {
		PreparedScript script = PreparedScript.prepare(migration.info().location(), migration.upText(),
				this.serverMajorVersion);
		List<SqlStatement> statements = new ArrayList<>();
		boolean copies = false;
		for (SqlStatement statement : script.statements()) {
			if (TransactionControl.isTransactionControl(statement)) {
				continue;
			}
			copies |= statement.isCopyFromStdin();
			statements.add(script.transactional() ? statement : new SqlStatement(
					CONCURRENTLY.matcher(statement.sql()).replaceAll(""), statement.line(), statement.copyData()));
		}
		return new Prepared(script.location(), statements, copies);
	}

	/**
	 * Runs the SQL migrations without COPY in one server call, each on its own.
	 * @return the migrations (by index) that may have changed the catalog, or
	 * {@code null} when the fast path is not available on this server
	 */
	private Map<Integer, String> fastPath(Map<Integer, Prepared> scripts, List<String> notes) throws SQLException {
		List<Integer> owners = new ArrayList<>();
		List<String> statements = new ArrayList<>();
		scripts.forEach((index, script) -> {
			if (!script.copies()) {
				script.statements().forEach((statement) -> {
					owners.add(index);
					statements.add(statement.sql());
				});
			}
		});
		Map<Integer, String> suspects = new HashMap<>();
		if (owners.isEmpty()) {
			return suspects;
		}
		Savepoint savepoint = this.connection.setSavepoint();
		try {
			if (!AllAtOnceProof.createFunctions(this.connection, "baseline-proof.sql", "baseline-proof-each.sql")) {
				// No PL/pgSQL or no temporary objects allowed: judge every migration by
				// its catalog
				return null;
			}
			try (PreparedStatement run = this.connection.prepareStatement("SELECT migration, verdict, detail FROM "
					+ "pg_temp.confiture_proof_run(?, ?, ARRAY(SELECT to_regclass(c)::oid FROM unnest(?::text[]) AS c "
					+ "WHERE to_regclass(c) IS NOT NULL), current_setting('track_counts')::boolean)")) {
				Array ownerArray = this.connection.createArrayOf("int4", owners.toArray());
				Array statementArray = this.connection.createArrayOf("text", statements.toArray());
				Array catalogArray = this.connection.createArrayOf("text", CATALOGS.toArray());
				run.setArray(1, ownerArray);
				run.setArray(2, statementArray);
				run.setArray(3, catalogArray);
				try (ResultSet rows = run.executeQuery()) {
					while (rows.next()) {
						int index = rows.getInt(1);
						String detail = rows.getString(3);
						if ("suspect".equals(rows.getString(2))) {
							suspects.put(index, Objects.toString(detail, ""));
						}
						else if (detail != null) {
							notes.addAll(describeNotes(scripts.get(index), detail));
						}
					}
				}
			}
		}
		finally {
			this.connection.rollback(savepoint);
		}
		return suspects;
	}

	private static List<String> describeNotes(Prepared script, String detail) {
		List<String> notes = new ArrayList<>();
		for (String note : detail.split("; (?=\\d+:)")) {
			String[] parts = note.split(":", 3);
			int position = Integer.parseInt(parts[0]) - 1;
			int line = script.statements().get(position).line();
			notes.add(script.location() + ":" + line + ": " + parts[2] + " (SQLSTATE " + parts[1] + ")");
		}
		return notes;
	}

	/**
	 * Which of the named migrations only change what later ones undo (a default set to 1,
	 * later back to 0): judged alone they change the catalog, but run with every later
	 * migration that was not named, as the history runs them, they leave it as built, so
	 * the schema files are right without their change. The later named migrations are
	 * left out, since their own change is missing from the schema files.
	 * @return the named migrations whose change is undone later, by index
	 */
	private Set<Integer> undone(List<ResolvedMigration> migrations, Map<Integer, Prepared> scripts, Set<Integer> named)
			throws SQLException {
		Set<Integer> undone = new java.util.HashSet<>();
		for (int index : named) {
			List<Integer> sequence = new ArrayList<>();
			sequence.add(index);
			for (int later = index + 1; later < migrations.size(); later++) {
				if (!named.contains(later)) {
					sequence.add(later);
				}
			}
			if (sequence.size() > 1 && judge(migrations, scripts, sequence, new ArrayList<>()).isEmpty()) {
				undone.add(index);
			}
		}
		return undone;
	}

	/**
	 * Runs migrations one after the other inside a savepoint, reads the catalog, rolls
	 * back and compares.
	 * @param sequence the migrations to run, by index, in order
	 * @return what they change together, empty when nothing
	 */
	private List<String> judge(List<ResolvedMigration> migrations, Map<Integer, Prepared> scripts,
			List<Integer> sequence, List<String> notes) throws SQLException {
		Catalog after;
		Savepoint savepoint = this.connection.setSavepoint();
		try {
			for (int index : sequence) {
				Prepared script = scripts.get(index);
				if (script != null) {
					ScriptExecutor executor = new ScriptExecutor(this.connection,
							dev.confiture.core.api.ConfitureException.Category.DATABASE);
					for (SqlStatement statement : script.statements()) {
						Savepoint before = this.connection.setSavepoint();
						try {
							executor.execute(script.location(), statement);
						}
						catch (SqlExecutionException ex) {
							this.connection.rollback(before);
							if (!CONTAINED.contains(ex.sqlState())) {
								notes.add(firstLine(ex.getMessage()));
							}
						}
					}
				}
				else {
					runJava((JavaClassMigration) migrations.get(index), notes);
				}
			}
			after = this.reader.readInTransaction(this.connection);
		}
		finally {
			this.connection.rollback(savepoint);
		}
		if (this.built == null) {
			this.built = this.reader.readInTransaction(this.connection);
		}
		return changes(this.built, after);
	}

	private void runJava(JavaClassMigration migration, List<String> notes) throws SQLException {
		Savepoint before = this.connection.setSavepoint();
		JavaMigration.Context context = new JavaMigration.Context() {

			@Override
			public Connection connection() {
				return BaselineProver.this.connection;
			}

			@Override
			public void execute(String sql) throws SQLException {
				try (Statement statement = BaselineProver.this.connection.createStatement()) {
					statement.setEscapeProcessing(false);
					statement.execute(sql);
				}
			}

		};
		try {
			migration.migration().up(context);
		}
		catch (Exception ex) {
			this.connection.rollback(before);
			String state = (ex instanceof SQLException sql) ? sql.getSQLState() : null;
			if (state == null || !CONTAINED.contains(state)) {
				notes.add(migration.info().location() + ": " + firstLine(String.valueOf(ex.getMessage())));
			}
		}
	}

	/** What turns the built catalog into the other one, one line per object. */
	static List<String> changes(Catalog built, Catalog after) {
		List<String> changes = new ArrayList<>();
		after.objects().forEach((id, object) -> {
			CatalogObject old = built.get(id);
			if (old == null) {
				changes.add("adds " + id);
			}
			else if (!old.equals(object)) {
				if (old instanceof Table oldTable && object instanceof Table newTable) {
					changes.addAll(tableChanges(oldTable, newTable));
				}
				else {
					changes.add("changes " + id);
				}
			}
		});
		built.objects()
			.keySet()
			.stream()
			.filter((id) -> after.get(id) == null)
			.forEach((id) -> changes.add("drops " + id));
		return changes;
	}

	private static List<String> tableChanges(Table old, Table table) {
		List<String> changes = new ArrayList<>();
		table.columns().forEach((name, column) -> {
			Column before = old.columns().get(name);
			if (before == null) {
				changes.add("adds column " + table.name() + "." + column.definition());
			}
			else if (!before.equals(column)) {
				changes.add("changes column " + table.name() + "." + name + " to " + column.definition());
			}
		});
		old.columns()
			.keySet()
			.stream()
			.filter((name) -> !table.columns().containsKey(name))
			.forEach((name) -> changes.add("drops column " + table.name() + "." + name));
		if (changes.isEmpty()) {
			changes.add("changes table " + table.name());
		}
		return changes;
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end).strip();
	}

	record Prepared(String location, List<SqlStatement> statements, boolean copies) {

	}

}
