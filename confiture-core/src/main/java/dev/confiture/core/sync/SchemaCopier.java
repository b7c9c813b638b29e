package dev.confiture.core.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConfigDocument;
import dev.confiture.core.config.ConfigurationException;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.sync.SchemaCopyResult.CopyStep;
import dev.confiture.core.sync.SchemaCopyResult.TableVerification;
import dev.confiture.core.sync.SourceTable.SourceColumn;

/**
 * Fills the tables of a freshly built target from a source with another schema, through a
 * mapping, with the streaming {@code COPY} engine of sync: one
 * {@code COPY (SELECT ...) TO
 * STDOUT} per target table on the source, into {@code COPY ... FROM STDIN} on the target,
 * in foreign-key order, each table in its own transaction with its foreign keys checked.
 * The source is only read, in one repeatable-read snapshot.
 */
public final class SchemaCopier {

	private final Path mappingFile;

	/**
	 * Creates a copier.
	 * @param mappingFile the mapping's file, for messages (may be {@code null})
	 */
	public SchemaCopier(Path mappingFile) {
		this.mappingFile = mappingFile;
	}

	/**
	 * Checks the mapping against the source: every source table and column exists.
	 * @param options the copy
	 * @throws ConfigurationException naming the line of the first problem
	 */
	public void checkSource(SchemaCopyOptions options) {
		try (Connection source = options.from().connections().open()) {
			Map<String, SourceTable> tables = SourceTables.read(source);
			for (TableMapping mapping : options.mappings()) {
				SourceTable from = tables.get(mapping.from());
				if (from == null) {
					throw error(mapping.line(), "Unknown source table '" + mapping.from() + "' for " + mapping.target(),
							suggestion(mapping.from(), tables.keySet(), "Name a table of the source database"));
				}
				List<String> names = from.columns().stream().map(SourceColumn::name).toList();
				for (Map.Entry<String, String> column : mapping.columns().entrySet()) {
					String value = column.getValue();
					if (value.startsWith(TableMapping.SQL) || value.equals(TableMapping.DEFAULT)
							|| (mapping.join() != null && value.contains("."))) {
						continue;
					}
					if (!names.contains(value)) {
						throw error(mapping.line(),
								"Column " + mapping.target() + "." + column.getKey() + " is mapped to '" + value
										+ "', which is not a column of " + mapping.from(),
								suggestion(value, names,
										"Write {sql: EXPRESSION} for an expression over the source row"));
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not read the source, " + options.from().description() + ": " + Synchronizer.describe(ex),
					"Check that it is reachable", ex);
		}
	}

	/**
	 * Plans the copy against the built target: every target table and column exists, and
	 * every column not mapped has a default.
	 * @param options the copy
	 * @param target the built target database
	 * @return the steps in foreign-key order
	 */
	public List<CopyStep> plan(SchemaCopyOptions options, ConnectionSource target) {
		try (Connection source = options.from().connections().open(); Connection connection = target.open()) {
			return plan(options, SourceTables.read(source), SourceTables.read(connection), connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not read the target: " + Synchronizer.describe(ex),
					"Check that it is reachable", ex);
		}
	}

	private List<CopyStep> plan(SchemaCopyOptions options, Map<String, SourceTable> sources,
			Map<String, SourceTable> targets, Connection target) throws SQLException {
		Map<String, TableMapping> byTarget = new LinkedHashMap<>();
		for (TableMapping mapping : options.mappings()) {
			SourceTable table = targets.get(mapping.target());
			if (table == null) {
				throw error(mapping.line(), "Unknown target table '" + mapping.target() + "'",
						suggestion(mapping.target(), targets.keySet(), "Name a table of the target's schema files"));
			}
			byTarget.put(mapping.target(), mapping);
		}
		List<CopyStep> steps = new ArrayList<>();
		List<SourceTable> mapped = byTarget.keySet().stream().map(targets::get).toList();
		for (List<SourceTable> group : TableOrder.order(mapped)) {
			for (SourceTable table : group) {
				steps.add(step(byTarget.get(table.name()), table, sources.get(byTarget.get(table.name()).from()),
						target));
			}
		}
		return steps;
	}

	private CopyStep step(TableMapping mapping, SourceTable target, SourceTable source, Connection connection)
			throws SQLException {
		Map<String, Boolean> hasDefault = defaults(connection, target);
		List<String> names = target.columns().stream().map(SourceColumn::name).toList();
		for (String column : mapping.columns().keySet()) {
			if (!names.contains(column)) {
				throw error(mapping.line(), "Unknown column '" + column + "' of target table " + mapping.target(),
						suggestion(column, names,
								"The columns of " + mapping.target() + " are: " + String.join(", ", names)));
			}
		}
		List<String> expressions = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		List<String> defaulted = new ArrayList<>();
		for (SourceColumn column : target.columns()) {
			String value = mapping.columns().get(column.name());
			if (value == null || value.equals(TableMapping.DEFAULT)) {
				if (!hasDefault.getOrDefault(column.name(), false)) {
					throw error(mapping.line(),
							"Column " + mapping.target() + "." + column.name() + " is not mapped and has no default",
							"Map it to a source column or {sql: EXPRESSION} (write {sql: 'NULL'} to leave it empty)");
				}
				defaulted.add(column.name());
				continue;
			}
			columns.add(column.name());
			if (value.startsWith(TableMapping.SQL)) {
				expressions.add("(" + value.substring(TableMapping.SQL.length()) + ")");
			}
			else {
				int index = source.indexOf(value);
				expressions.add((index >= 0) ? source.qualified() + "." + source.columns().get(index).quoted() : value);
			}
		}
		String query = "SELECT " + String.join(", ", expressions) + " FROM " + source.qualified()
				+ ((mapping.join() != null) ? " " + mapping.join() : "")
				+ ((mapping.where() != null) ? " WHERE " + mapping.where() : "");
		return new CopyStep(mapping.target(), query, columns, defaulted);
	}

	/**
	 * Copies the rows, table by table, then compares them when asked.
	 * @param options the copy
	 * @param steps the plan
	 * @param target the built target
	 * @return the tables copied and the verifications
	 */
	public Copied copy(SchemaCopyOptions options, List<CopyStep> steps, ConnectionSource target) {
		List<TableResult> results = new ArrayList<>();
		List<TableVerification> verifications = new ArrayList<>();
		String current = null;
		try (Connection source = options.from().connections().open(); Connection connection = target.open()) {
			source.setAutoCommit(false);
			source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			source.setReadOnly(true);
			Map<String, SourceTable> targets = SourceTables.read(connection);
			TableCopier copier = new TableCopier();
			for (CopyStep step : steps) {
				current = step.target();
				SourceTable table = targets.get(step.target());
				long started = System.nanoTime();
				PlannedTable planned = new PlannedTable(step.target(), 0, 0, null, List.of(), List.of(step.target()));
				options.listener().tableStarted(planned);
				connection.setAutoCommit(false);
				String columns = String.join(", ",
						step.columns()
							.stream()
							.map((name) -> table.columns().get(table.indexOf(name)).quoted())
							.toList());
				long[] copied = copier.stream(source, connection, step.query(), table.qualified(), columns,
						step.target(), new Strategy[step.columns().size()], null, null, false, planned,
						options.listener());
				TargetSequences.reset(connection, table);
				connection.commit();
				connection.setAutoCommit(true);
				TableResult result = new TableResult(step.target(), copied[0], copied[1],
						(System.nanoTime() - started) / 1_000_000, false);
				results.add(result);
				options.listener().tableFinished(result);
			}
			if (options.verify()) {
				for (CopyStep step : steps) {
					current = step.target();
					verifications.add(verify(source, connection, step, targets.get(step.target())));
				}
			}
			source.rollback();
			return new Copied(results, verifications);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Copying into " + current + " failed: " + Synchronizer.describe(ex) + ". " + current
							+ " is as it was (its transaction was rolled back); " + results.size()
							+ " tables were copied before it",
					"Fix the mapping or the data, drop and rebuild the target, and copy again",
					Synchronizer.withoutValues(ex));
		}
	}

	private TableVerification verify(Connection source, Connection target, CopyStep step, SourceTable table)
			throws SQLException {
		List<String> keys = table.primaryKey().stream().filter(step.columns()::contains).toList();
		List<String> positions = new ArrayList<>();
		List<String> targetKeys = new ArrayList<>();
		for (String key : keys) {
			positions.add("s.c" + step.columns().indexOf(key) + "::text");
			targetKeys.add(table.columns().get(table.indexOf(key)).quoted() + "::text");
		}
		String sourceKey = keys.isEmpty() ? "''" : String.join(" || E'\\t' || ", positions);
		String aliased = aliasColumns(step);
		String sourceSql = "SELECT count(*), md5(coalesce(string_agg(" + sourceKey + ", E'\\n' ORDER BY " + sourceKey
				+ " COLLATE \"C\"), '')) FROM (" + aliased + ") s";
		String targetKey = keys.isEmpty() ? "''" : String.join(" || E'\\t' || ", targetKeys);
		String targetSql = "SELECT count(*), md5(coalesce(string_agg(" + targetKey + ", E'\\n' ORDER BY " + targetKey
				+ " COLLATE \"C\"), '')) FROM " + table.qualified();
		String[] left = countAndChecksum(source, sourceSql);
		String[] right = countAndChecksum(target, targetSql);
		return new TableVerification(step.target(), Long.parseLong(left[0]), Long.parseLong(right[0]), keys,
				left[0].equals(right[0]) && left[1].equals(right[1]));
	}

	private static String aliasColumns(CopyStep step) {
		String query = step.query();
		String select = query.substring("SELECT ".length(), query.indexOf(" FROM "));
		List<String> parts = splitTopLevel(select);
		List<String> aliased = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			aliased.add(parts.get(i) + " AS c" + i);
		}
		return "SELECT " + String.join(", ", aliased) + query.substring(query.indexOf(" FROM "));
	}

	private static List<String> splitTopLevel(String select) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int start = 0;
		for (int i = 0; i < select.length(); i++) {
			char c = select.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && c == ',') {
				parts.add(select.substring(start, i).strip());
				start = i + 1;
			}
		}
		parts.add(select.substring(start).strip());
		return parts;
	}

	private static String[] countAndChecksum(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return new String[] { rows.getString(1), rows.getString(2) };
		}
	}

	private static Map<String, Boolean> defaults(Connection connection, SourceTable table) throws SQLException {
		Map<String, Boolean> defaults = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT attname, atthasdef OR attidentity <> ''"
				+ " FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0" + " AND NOT attisdropped")) {
			statement.setString(1, table.qualified());
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					defaults.put(rows.getString(1), rows.getBoolean(2));
				}
			}
		}
		return defaults;
	}

	private ConfigurationException error(int line, String problem, String fix) {
		return new ConfigurationException(this.mappingFile, line, problem, fix);
	}

	private static String suggestion(String word, java.util.Collection<String> candidates, String otherwise) {
		String closest = ConfigDocument.closest(word, candidates);
		return (closest != null) ? "Did you mean '" + closest + "'?" : otherwise;
	}

	/**
	 * What {@link #copy} did.
	 *
	 * @param tables the tables copied
	 * @param verifications the comparisons, when asked
	 */
	public record Copied(List<TableResult> tables, List<TableVerification> verifications) {
	}

}
