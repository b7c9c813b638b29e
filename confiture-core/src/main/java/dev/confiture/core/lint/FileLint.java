package dev.confiture.core.lint;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.api.Interruption;
import dev.confiture.core.migrate.MigrationTimeouts;
import dev.confiture.core.sql.SqlScript;
import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.sql.TransactionControl;

/**
 * Lints one migration file: reads each statement's text and, when a shadow connection is
 * given, runs the file there in its transaction (auto-commit when it cannot run in one)
 * and reads back what PostgreSQL did after each statement.
 */
final class FileLint {

	private static final Pattern LOCK_TIMEOUT_MARKER = Pattern.compile("(?im)^\\s*--\\s*confiture:lock-timeout\\s*=");

	private static final Pattern LOCK_TIMEOUT_VALUE = Pattern
		.compile("(?im)^\\s*--\\s*confiture:lock-timeout\\s*=\\s*(\\S*)\\s*$");

	private static final int SERVER_VERSION = 18;

	private final String file;

	private final String text;

	private final List<SqlStatement> statements;

	private final List<StatementCheck> checks = new ArrayList<>();

	private final Suppressions suppressions;

	private final List<LintFinding> findings = new ArrayList<>();

	private final Set<String> createdHere = new HashSet<>();

	private boolean measured;

	private Boolean nonTransactional;

	FileLint(String file, String text) {
		this.file = file;
		this.text = text;
		this.statements = SqlScript.split(file, text);
		this.suppressions = Suppressions.parse(file, text, this.statements);
		checkLockTimeoutMarker(file, text);
		for (SqlStatement statement : this.statements) {
			this.checks.add(StatementCheck.of(statement));
		}
	}

	/**
	 * Refuses a malformed {@code -- confiture:lock-timeout=} marker, as migrating would.
	 */
	private static void checkLockTimeoutMarker(String file, String text) {
		Matcher marker = LOCK_TIMEOUT_VALUE.matcher(text);
		if (marker.find()) {
			int line = (int) text.substring(0, marker.start(1)).chars().filter((c) -> c == '\n').count() + 1;
			MigrationTimeouts.parse(marker.group(1), file + ":" + line + ": -- confiture:lock-timeout");
		}
	}

	/** Whether PostgreSQL runs this file outside a transaction. */
	boolean nonTransactional() {
		if (this.nonTransactional == null) {
			this.nonTransactional = TransactionControl.hasNoTransactionMarker(this.text) || this.statements.stream()
				.anyMatch((statement) -> TransactionControl.nonTransactionalReason(statement, SERVER_VERSION) != null);
		}
		return this.nonTransactional;
	}

	/**
	 * Lints from the text only.
	 * @return the findings, suppressed ones with their reason
	 */
	List<LintFinding> lintStatically() {
		fileRules();
		staticFrom(0);
		return suppress();
	}

	/**
	 * Runs the file on the shadow connection and lints from what was measured; statements
	 * after one that fails are linted from their text.
	 * @param connection a connection to the shadow database in auto-commit mode
	 * @return the findings, suppressed ones with their reason
	 * @throws SQLException if reading the catalog fails
	 */
	List<LintFinding> lintMeasured(Connection connection) throws SQLException {
		fileRules();
		this.measured = true;
		ShadowCatalog catalog = new ShadowCatalog(connection);
		boolean transactional = !nonTransactional();
		connection.setAutoCommit(!transactional);
		Map<Long, Long> start = catalog.storage();
		Map<Long, Long> current = new HashMap<>(start);
		Map<String, List<String>> enumsBefore = catalog.enums();
		Set<Long> exclusive = new HashSet<>();
		Integer lockTimeoutLine = null;
		int index = 0;
		try {
			for (; index < this.statements.size(); index++) {
				SqlStatement statement = this.statements.get(index);
				StatementCheck check = this.checks.get(index);
				if (check.transactionControl || TransactionControl.isTransactionControl(statement)) {
					continue;
				}
				Map<String, ShadowCatalog.Relation> targets = new HashMap<>();
				for (Candidate candidate : check.candidates) {
					if (candidate.target() != null && !targets.containsKey(candidate.target())) {
						targets.put(candidate.target(), catalog.resolve(candidate.target()));
					}
				}
				ShadowCatalog.Relation main = (check.target == null) ? null
						: targets.containsKey(check.target) ? targets.get(check.target) : catalog.resolve(check.target);
				Set<String> constraintsBefore = (main != null && start.containsKey(main.table()))
						? catalog.validatedConstraints(main.table()) : Set.of();
				Map<String, Boolean> notNullChecks = new HashMap<>();
				for (Candidate candidate : check.candidates) {
					ShadowCatalog.Relation target = targets.get(candidate.target());
					if (candidate.column() != null && target != null) {
						notNullChecks.put(candidate.column(),
								catalog.hasNotNullCheck(target.table(), candidate.column()));
					}
				}
				if (!execute(connection, statement, transactional)) {
					index++;
					break;
				}
				Map<Long, ShadowCatalog.Lock> locks = transactional ? catalog.locks() : Map.of();
				Set<Long> rewritten = new HashSet<>();
				for (Map.Entry<Long, ShadowCatalog.Lock> lock : locks.entrySet()) {
					Long before = current.get(lock.getKey());
					if (before != null && before != lock.getValue().storage()) {
						rewritten.add(lock.getValue().table());
						current.put(lock.getKey(), lock.getValue().storage());
					}
					if (start.containsKey(lock.getValue().table())
							&& lock.getValue().mode().equals(StatementCheck.ACCESS_EXCLUSIVE)
							&& exclusive.add(lock.getValue().table()) && lockTimeoutLine == null) {
						lockTimeoutLine = statement.line();
					}
				}
				Set<String> validated = new HashSet<>();
				if (main != null && start.containsKey(main.table())) {
					validated.addAll(catalog.validatedConstraints(main.table()));
					validated.removeAll(constraintsBefore);
				}
				measuredFindings(statement, check, targets, start, locks, rewritten, validated, notNullChecks);
				if (!transactional && check.lockMode != null && check.lockMode.equals(StatementCheck.ACCESS_EXCLUSIVE)
						&& main != null && start.containsKey(main.table()) && lockTimeoutLine == null) {
					lockTimeoutLine = statement.line();
				}
			}
			if (transactional) {
				connection.commit();
			}
		}
		finally {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		if (index < this.statements.size() || this.findings.stream()
			.anyMatch((finding) -> finding.rule() == LintRule.STATEMENT_FAILS
					|| finding.rule() == LintRule.ENUM_VALUE_USED_IN_TRANSACTION)) {
			this.measured = false;
			staticFrom(index);
		}
		else {
			enumChanges(enumsBefore, catalog.enums());
		}
		if (lockTimeoutLine != null && !setsLockTimeout()
				&& this.findings.stream().noneMatch((finding) -> finding.rule() == LintRule.MISSING_LOCK_TIMEOUT)) {
			add(LintRule.MISSING_LOCK_TIMEOUT, lockTimeoutLine, null, "The migration takes ACCESS EXCLUSIVE on an "
					+ "existing table and does not set lock_timeout: while it waits, every query of the table queues "
					+ "behind it", StatementCheck.ACCESS_EXCLUSIVE, false);
		}
		return suppress();
	}

	private boolean execute(Connection connection, SqlStatement statement, boolean transactional) {
		try (Statement jdbc = connection.createStatement()) {
			jdbc.setEscapeProcessing(false);
			jdbc.execute(statement.sql());
			return true;
		}
		catch (SQLException ex) {
			Interruption.check("lint of " + statement.leadingKeywords(2));
			boolean unsafeEnum = "55P04".equals(ex.getSQLState());
			String message = (ex.getMessage() != null) ? ex.getMessage().lines().findFirst().orElse("") : ex.toString();
			add(unsafeEnum ? LintRule.ENUM_VALUE_USED_IN_TRANSACTION : LintRule.STATEMENT_FAILS, statement.line(), null,
					unsafeEnum ? "Uses an enum value added in the same transaction: " + message
							: "Fails on the schema it starts from"
									+ (transactional ? " (the migration was rolled back)" : "") + ": " + message,
					null, false);
			return false;
		}
	}

	private void measuredFindings(SqlStatement statement, StatementCheck check,
			Map<String, ShadowCatalog.Relation> targets, Map<Long, Long> start, Map<Long, ShadowCatalog.Lock> locks,
			Set<Long> rewritten, Set<String> validated, Map<String, Boolean> notNullChecks) {
		Set<Long> reported = new HashSet<>();
		for (Candidate candidate : check.candidates) {
			ShadowCatalog.Relation target = targets.get(candidate.target());
			boolean existed = target != null && start.containsKey(target.table());
			if (candidate.existingOnly() && !existed) {
				continue;
			}
			String object = (target != null) ? target.name() : candidate.target();
			String mode = (target != null) ? strongest(locks, target.table()) : null;
			String message = candidate.message();
			if (candidate.rule() == LintRule.TABLE_REWRITE) {
				if (!rewritten.contains(target.table())) {
					continue;
				}
				reported.add(target.table());
				message += " (measured: new relfilenode)";
			}
			if (candidate.column() != null && Boolean.TRUE.equals(notNullChecks.get(candidate.column()))) {
				continue;
			}
			if (candidate.rule() == LintRule.SCAN_UNDER_LOCK && !validated.isEmpty()) {
				message += " (measured: validated " + String.join(", ", validated.stream().sorted().toList()) + ")";
			}
			if (mode != null && candidate.rule().severity() == LintSeverity.ERROR) {
				message += "; holds " + mode + " until commit";
			}
			add(candidate.rule(), statement.line(), object, message, mode,
					rewritten.contains((target != null) ? target.table() : -1L));
		}
		Set<String> maintenance = Set.of("VACUUM", "CLUSTER", "REINDEX", "TRUNCATE");
		if (maintenance.contains(statement.leadingKeywords(1))) {
			return;
		}
		for (Long table : rewritten) {
			if (!reported.contains(table) && start.containsKey(table)) {
				String name = nameOf(locks, table, targets);
				add(LintRule.TABLE_REWRITE, statement.line(), name, "Rewrites " + name
						+ " (measured: new relfilenode); holds " + strongest(locks, table) + " until commit",
						strongest(locks, table), true);
			}
		}
	}

	private static String nameOf(Map<Long, ShadowCatalog.Lock> locks, long table,
			Map<String, ShadowCatalog.Relation> targets) {
		return targets.values()
			.stream()
			.filter((relation) -> relation != null && relation.table() == table)
			.map(ShadowCatalog.Relation::name)
			.findFirst()
			.orElse("table oid " + table);
	}

	private static String strongest(Map<Long, ShadowCatalog.Lock> locks, long table) {
		ShadowCatalog.Lock lock = locks.get(table);
		return (lock != null) ? lock.mode() : null;
	}

	private void staticFrom(int from) {
		for (int i = 0; i < from; i++) {
			remember(this.checks.get(i));
		}
		boolean exclusiveSeen = this.findings.stream().anyMatch((f) -> f.rule() == LintRule.MISSING_LOCK_TIMEOUT);
		List<String> addedLabels = new ArrayList<>();
		boolean transactional = !nonTransactional();
		for (int i = from; i < this.statements.size(); i++) {
			SqlStatement statement = this.statements.get(i);
			StatementCheck check = this.checks.get(i);
			for (Candidate candidate : check.candidates) {
				boolean existed = candidate.target() != null
						&& !this.createdHere.contains(normalize(candidate.target()));
				if (candidate.existingOnly() && !existed) {
					continue;
				}
				String message = candidate.message();
				if (candidate.rule() == LintRule.TABLE_REWRITE) {
					message += " (from the statement's text; not measured)";
				}
				add(candidate.rule(), statement.line(), candidate.target(), message, check.lockMode, false);
			}
			if (transactional && !addedLabels.isEmpty()) {
				for (String value : Tokens.of(statement.sql()).strings()) {
					if (addedLabels.contains(value)) {
						add(LintRule.ENUM_VALUE_USED_IN_TRANSACTION, statement.line(), null, "Uses the enum value '"
								+ value
								+ "' added earlier in the same migration; PostgreSQL refuses it until that commits",
								null, false);
					}
				}
			}
			addedLabels.addAll(check.addedEnumLabels);
			if (!exclusiveSeen && StatementCheck.ACCESS_EXCLUSIVE.equals(check.lockMode) && check.target != null
					&& !this.createdHere.contains(normalize(check.target)) && !setsLockTimeout()) {
				exclusiveSeen = true;
				add(LintRule.MISSING_LOCK_TIMEOUT, statement.line(), check.target,
						"The migration takes ACCESS EXCLUSIVE "
								+ "on an existing table and does not set lock_timeout: while it waits, every query of the table "
								+ "queues behind it",
						StatementCheck.ACCESS_EXCLUSIVE, false);
			}
			remember(check);
		}
	}

	private void remember(StatementCheck check) {
		if (check.createdTable != null) {
			this.createdHere.add(normalize(check.createdTable));
		}
		if (check.createdIndex != null) {
			this.createdHere.add(normalize(check.createdIndex));
		}
	}

	private void fileRules() {
		boolean explicitTransaction = false;
		for (int i = 0; i < this.statements.size(); i++) {
			SqlStatement statement = this.statements.get(i);
			String first = statement.leadingKeywords(1);
			if (first.equals("BEGIN") || statement.leadingKeywords(2).equals("START TRANSACTION")) {
				explicitTransaction = true;
			}
			else if (first.equals("COMMIT") || first.equals("END")) {
				explicitTransaction = false;
			}
			else if (explicitTransaction && this.checks.get(i).concurrently) {
				add(LintRule.CONCURRENTLY_IN_TRANSACTION, statement.line(), this.checks.get(i).target,
						"CONCURRENTLY inside BEGIN ... COMMIT: PostgreSQL refuses it in a transaction block", null,
						false);
			}
		}
	}

	private void enumChanges(Map<String, List<String>> before, Map<String, List<String>> after) {
		for (Map.Entry<String, List<String>> type : before.entrySet()) {
			List<String> now = after.get(type.getKey());
			if (now == null) {
				continue;
			}
			List<String> removed = type.getValue().stream().filter((label) -> !now.contains(label)).toList();
			List<String> kept = now.stream().filter(type.getValue()::contains).toList();
			List<String> oldOrder = type.getValue().stream().filter(now::contains).toList();
			if (removed.isEmpty() && kept.equals(oldOrder)) {
				continue;
			}
			String name = type.getKey();
			String bare = name.substring(name.lastIndexOf('.') + 1).replace("\"", "").toLowerCase(Locale.ROOT);
			int line = this.statements.stream()
				.filter((statement) -> statement.sql().toLowerCase(Locale.ROOT).contains(bare))
				.mapToInt(SqlStatement::line)
				.findFirst()
				.orElse(1);
			add(LintRule.ENUM_VALUE_REMOVED, line, name, "Enum " + name
					+ (removed.isEmpty() ? " changes the order of " + "its values"
							: " loses " + String.join(", ", removed.stream().map((l) -> "'" + l + "'").toList()))
					+ " (measured: " + type.getValue() + " -> " + now + "); rows and running code that use them break",
					null, false);
		}
	}

	private boolean setsLockTimeout() {
		return LOCK_TIMEOUT_MARKER.matcher(this.text).find()
				|| this.checks.stream().anyMatch((check) -> check.setsLockTimeout);
	}

	private void add(LintRule rule, int line, String object, String message, String lockMode, boolean rewrite) {
		this.findings
			.add(new LintFinding(rule, this.file, line, object, message, lockMode, rewrite, this.measured, null, null));
	}

	private List<LintFinding> suppress() {
		List<LintFinding> result = new ArrayList<>();
		for (LintFinding finding : this.findings) {
			String reason = this.suppressions.reason(finding.rule(), finding.line());
			result.add((reason != null) ? finding.withSuppression(reason) : finding);
		}
		return result;
	}

	static String normalize(String name) {
		return name.startsWith("public.") ? name.substring("public.".length()) : name;
	}

}
