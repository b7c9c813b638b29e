package dev.confiture.core.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.sync.PlannedTable.ColumnRule;

/**
 * Copies tables from one database to another: plans (tables, foreign-key order, rules),
 * checks that both sides have the same tables, then copies each table (or each group of
 * tables that reference each other) in its own target transaction. The source is read in
 * one repeatable-read, read-only transaction, so every table comes from the same
 * snapshot. Messages never include a value from the data: PostgreSQL's own error texts
 * (which quote rejected values) are replaced by the SQLSTATE and the constraint or column
 * concerned.
 */
public final class Synchronizer {

	/**
	 * Runs a sync.
	 * @param options what to copy
	 * @return what was copied, or the plan of a dry run
	 * @throws ConfitureException on a protected target (CONFIG), different tables on the
	 * two sides (SCHEMA), invalid rules (CONFIG) or a failed copy (DATABASE)
	 */
	public SyncResult sync(SyncOptions options) {
		long started = System.nanoTime();
		if (options.to().protectedTarget() && !options.dryRun()) {
			throw new ConfitureException(Category.CONFIG,
					"Refusing to write " + options.to().description() + ": it is marked protected",
					"Choose another target; a protected environment (protected: true) is only ever a source");
		}
		try (Connection source = open(options.from(), "source"); Connection target = open(options.to(), "target")) {
			source.setAutoCommit(false);
			source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			source.setReadOnly(true);
			Map<String, SourceTable> all = SourceTables.read(source);
			Map<String, SourceTable> selected = TableSelection.select(all, options.tables(), options.exclude());
			Map<String, String> where = where(options.where(), selected);
			if (options.anonymization() != null) {
				options.anonymization().check(all);
			}
			SchemaMatch.require(source, target, selected.values(), options.from().description(),
					options.to().description());
			boolean perTable = canDisableTriggers(target);
			SyncPlan plan = plan(options, selected, where, perTable);
			if (options.dryRun()) {
				source.rollback();
				return new SyncResult(plan, List.of(), elapsed(started), true, null);
			}
			options.listener().planned(plan);
			List<TableResult> results = copy(options, source, target, selected, plan, perTable);
			source.rollback();
			return new SyncResult(plan, results, elapsed(started), false, this.runId);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Sync failed: " + describe(ex),
					"Check that both databases are reachable; tables already copied stay copied, the others are as "
							+ "they were; resume to continue",
					withoutValues(ex));
		}
	}

	private String runId;

	private List<TableResult> copy(SyncOptions options, Connection source, Connection target,
			Map<String, SourceTable> selected, SyncPlan plan, boolean perTable) throws SQLException {
		target.setAutoCommit(true);
		SyncProgress.create(target);
		String sourceName = options.from().description();
		Set<String> done = Set.of();
		String resumed = options.resume() ? SyncProgress.interrupted(target, sourceName) : null;
		if (resumed != null) {
			this.runId = resumed;
			done = SyncProgress.copied(target, resumed);
		}
		else {
			this.runId = SyncProgress.start(target, sourceName);
		}
		Anonymization anonymization = options.anonymization();
		TableCopier copier = new TableCopier();
		Keyed keyed = (anonymization != null) ? anonymization.keyed() : null;
		List<TableResult> results = new ArrayList<>();
		Map<String, PlannedTable> planned = new LinkedHashMap<>();
		plan.tables().forEach((table) -> planned.put(table.name(), table));
		List<List<String>> groups = groups(plan, perTable);
		for (List<String> group : groups) {
			if (group.stream().allMatch(done::contains)) {
				for (String name : group) {
					TableResult skipped = new TableResult(name, 0, 0, 0, true);
					results.add(skipped);
					options.listener().tableFinished(skipped);
				}
				continue;
			}
			target.setAutoCommit(false);
			List<TableResult> groupResults = new ArrayList<>();
			String current = group.get(0);
			try (Statement statement = target.createStatement()) {
				statement.execute("SET LOCAL synchronous_commit = off");
				if (perTable) {
					statement.execute("SET LOCAL session_replication_role = replica");
				}
				else {
					statement.execute("SET CONSTRAINTS ALL DEFERRED");
				}
				boolean truncated = clear(target, group.stream().map(selected::get).toList(), perTable);
				for (String name : group) {
					current = name;
					long tableStarted = System.nanoTime();
					SourceTable table = selected.get(name);
					PlannedTable plannedTable = planned.get(name);
					options.listener().tableStarted(plannedTable);
					Map<String, Strategy> strategies = (anonymization != null) ? anonymization.strategies(name, keyed)
							: Map.of();
					long[] copied = copier.copy(source, target, table, plannedTable.where(), strategies, truncated,
							plannedTable, options.listener());
					// per table, the table was emptied in this transaction and its
					// triggers are off: the
					// count the target's COPY reported (checked against the rows read) is
					// its row count
					long count = perTable ? copied[0] : count(target, table);
					if (count != copied[0]) {
						throw new SQLException("the target holds " + count + " rows of " + name + " after the copy, "
								+ copied[0] + " were sent");
					}
					TargetSequences.reset(target, table);
					SyncProgress.record(target, this.runId, name, sourceName, copied[0]);
					groupResults.add(new TableResult(name, copied[0], copied[1], elapsed(tableStarted), false));
				}
				target.commit();
			}
			catch (SQLException ex) {
				target.rollback();
				throw new ConfitureException(Category.DATABASE,
						"Copying " + current + " failed: " + describe(ex) + ". " + current
								+ ((group.size() > 1) ? " and the tables copied with it (" + String.join(", ", group)
										+ ") are as they were" : " is as it was")
								+ " (the transaction was rolled back)",
						"Fix the cause and run the sync again with resume: the " + results.size()
								+ " tables already copied are skipped",
						withoutValues(ex));
			}
			catch (RuleFailure ex) {
				target.rollback();
				String column = current + "." + selected.get(current).columns().get(ex.column()).name();
				throw new ConfitureException(Category.CONFIG,
						"Anonymising " + column + " failed: its " + ex.strategy()
								+ " rule cannot handle one of its values (" + ex.getMessage() + "). " + current
								+ ((group.size() > 1) ? " and the tables copied with it (" + String.join(", ", group)
										+ ") are as they were" : " is as it was")
								+ " (the transaction was rolled back)",
						"Give " + column + " a rule that fits its values in " + anonymization.file()
								+ ", then run the sync again with resume: the " + results.size()
								+ " tables already copied are skipped");
			}
			finally {
				target.setAutoCommit(true);
			}
			for (TableResult result : groupResults) {
				results.add(result);
				options.listener().tableFinished(result);
			}
		}
		SyncProgress.finish(target, this.runId, results.stream().mapToLong(TableResult::rows).sum());
		return results;
	}

	private static List<List<String>> groups(SyncPlan plan, boolean perTable) {
		List<List<String>> groups = new ArrayList<>();
		for (PlannedTable table : plan.tables()) {
			if (perTable) {
				groups.add(List.of(table.name()));
			}
			else if (groups.isEmpty() || !groups.get(groups.size() - 1).equals(table.group())) {
				groups.add(table.group());
			}
		}
		return groups;
	}

	/**
	 * Empties the target tables of a group in the current transaction: TRUNCATE, or
	 * DELETE for a table copied alone that other tables reference.
	 * @return whether the tables were truncated (so that their rows can be written
	 * frozen)
	 */
	private static boolean clear(Connection target, List<SourceTable> tables, boolean perTable) throws SQLException {
		try (Statement statement = target.createStatement()) {
			if (!perTable) {
				statement
					.execute("TRUNCATE " + String.join(", ", tables.stream().map(SourceTable::qualified).toList()));
				return true;
			}
			SourceTable table = tables.get(0);
			boolean referenced;
			try (PreparedStatement query = target.prepareStatement(
					"SELECT EXISTS (SELECT FROM pg_constraint WHERE contype = 'f' AND confrelid = ?::regclass)")) {
				query.setString(1, table.qualified());
				try (ResultSet rows = query.executeQuery()) {
					rows.next();
					referenced = rows.getBoolean(1);
				}
			}
			statement.execute(referenced ? "DELETE FROM " + table.qualified() : "TRUNCATE " + table.qualified());
			return !referenced;
		}
	}

	private static long count(Connection target, SourceTable table) throws SQLException {
		try (Statement statement = target.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table.qualified())) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private SyncPlan plan(SyncOptions options, Map<String, SourceTable> selected, Map<String, String> where,
			boolean perTable) {
		List<PlannedTable> tables = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		List<String> unprotected = new ArrayList<>();
		Anonymization anonymization = options.anonymization();
		Keyed keyed = (anonymization != null) ? anonymization.keyed() : null;
		for (List<SourceTable> component : TableOrder.order(selected.values())) {
			List<String> group = component.stream().map(SourceTable::name).toList();
			for (SourceTable table : component) {
				Map<String, Strategy> strategies = (anonymization != null)
						? anonymization.strategies(table.name(), keyed) : Map.of();
				List<ColumnRule> rules = new ArrayList<>();
				for (SourceTable.SourceColumn column : table.columns()) {
					Strategy strategy = strategies.get(column.name());
					if (strategy != null) {
						rules.add(new ColumnRule(column.name(), strategy.describe()));
					}
					else if (PersonalData.suspected(column)) {
						unprotected.add(table.name() + "." + column.name());
					}
				}
				tables.add(new PlannedTable(table.name(), table.estimatedRows(), table.estimatedBytes(),
						where.get(table.name()), rules, perTable ? List.of(table.name()) : group));
			}
			if (component.size() > 1) {
				warnings.add("Tables " + String.join(", ", group) + " reference each other: they are copied "
						+ (perTable ? "with foreign-key checks off (session_replication_role = replica)"
								: "in one transaction with deferred constraints"));
			}
		}
		if (!unprotected.isEmpty()) {
			String message = unprotected.size() + " column" + ((unprotected.size() == 1) ? "" : "s")
					+ " look personal and have no anonymisation rule: " + String.join(", ", unprotected);
			if (options.requireAnonymization()) {
				throw new ConfitureException(Category.CONFIG, message,
						"Give each a rule (keep, if it is not personal) in the anonymisation rules");
			}
			warnings.add(message);
		}
		return new SyncPlan(options.from().description(), options.to().description(), tables, warnings,
				perTable ? "per-table" : "per-group");
	}

	private static Map<String, String> where(Map<String, String> where, Map<String, SourceTable> selected) {
		Map<String, String> qualified = new LinkedHashMap<>();
		where.forEach((table, condition) -> {
			String name = selected.containsKey(table) ? table : Anonymization.qualify(table);
			if (!selected.containsKey(name)) {
				throw new ConfitureException(Category.CONFIG,
						"The row filter names table '" + table + "', which is not copied",
						"Name one of the copied tables: " + String.join(", ", selected.keySet()));
			}
			qualified.put(name, condition);
		});
		return qualified;
	}

	private static boolean canDisableTriggers(Connection target) throws SQLException {
		try (Statement statement = target.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT rolsuper OR (current_setting('server_version_num')::int >= 150000 AND "
							+ "has_parameter_privilege('session_replication_role', 'SET')) FROM pg_roles "
							+ "WHERE rolname = current_user")) {
			return rows.next() && rows.getBoolean(1);
		}
	}

	private static Connection open(SyncEndpoint endpoint, String side) {
		try {
			return endpoint.connections().open();
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not connect to the " + side + ", " + endpoint.description() + ": " + describe(ex),
					"Check that the server is running and the credentials are right", ex);
		}
	}

	/** An error without the values PostgreSQL quotes in its messages. */
	static String describe(SQLException ex) {
		if (ex instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
			ServerErrorMessage server = psql.getServerErrorMessage();
			StringBuilder text = new StringBuilder("PostgreSQL refused it (SQLSTATE ").append(server.getSQLState());
			if (server.getConstraint() != null) {
				text.append(", constraint ").append(server.getConstraint());
			}
			if (server.getColumn() != null) {
				text.append(", column ").append(server.getColumn());
			}
			if (server.getDatatype() != null) {
				text.append(", type ").append(server.getDatatype());
			}
			return text.append(')').toString();
		}
		String state = ex.getSQLState();
		String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return (state != null && state.startsWith("08")) ? message + " (SQLSTATE " + state + ")"
				: (ex instanceof PSQLException) ? message : "a database error (SQLSTATE " + state + ")";
	}

	/**
	 * The failure to keep as the cause of a reported one: PostgreSQL's own text (which
	 * may quote a value, in its message or its detail) is replaced, so that no stack
	 * trace, log or cause chain carries a value from the data.
	 */
	static SQLException withoutValues(SQLException ex) {
		SQLException safe = new SQLException(describe(ex), ex.getSQLState());
		safe.setStackTrace(ex.getStackTrace());
		return safe;
	}

	private static long elapsed(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
