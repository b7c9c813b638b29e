package dev.confiture.core.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.migrate.BaselineProver.Prepared;
import dev.confiture.core.sql.SqlStatement;

/**
 * The cheap part of the baseline proof: every SQL migration run on the freshly built
 * schema one after the other, in one server call, and the catalog rows they wrote
 * compared with the built schema ({@code baseline-proof.sql}); and the creation of the
 * proof's functions.
 */
final class AllAtOnceProof {

	/**
	 * SQLSTATEs meaning that the server offers no PL/pgSQL or no temporary functions to
	 * this user.
	 */
	private static final Set<String> FAST_PATH_UNAVAILABLE = Set.of("42704", "42501", "25006", "0A000");

	private static final String LEADING_COMMENTS = "(?is)^(?:\\s+|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/)*";

	private static final String NAME = "(?:\"[^\".]+\"|[a-z_][a-z0-9_$]*)";

	/** A {@code CREATE TABLE name (}, after comments, whose name holds no quoted dot. */
	private static final Pattern CREATE_TABLE = Pattern
		.compile(LEADING_COMMENTS + "CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + NAME
				+ "(?:\\." + NAME + ")?)\\s*\\(");

	/** A {@code CREATE INDEX name ON table}, after comments. */
	private static final Pattern CREATE_INDEX = Pattern.compile(
			LEADING_COMMENTS + "CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?("
					+ NAME + ")\\s+ON\\s+(?:ONLY\\s+)?(" + NAME + "(?:\\." + NAME + ")?)[\\s(]");

	private static final String ALTER_TABLE = LEADING_COMMENTS + "ALTER\\s+TABLE\\s+(?:ONLY\\s+)?(" + NAME + "(?:\\."
			+ NAME + ")?)\\s+ADD\\s+";

	/** An {@code ALTER TABLE table ADD [COLUMN] name}, without {@code IF NOT EXISTS}. */
	private static final Pattern ADD_COLUMN = Pattern.compile(ALTER_TABLE + "(?:COLUMN\\s+)?"
			+ "(?!(?:IF|COLUMN|CONSTRAINT|PRIMARY|UNIQUE|CHECK|FOREIGN|EXCLUDE)\\b)(" + NAME + ")\\s");

	/** An {@code ALTER TABLE table ADD CONSTRAINT name CHECK} or {@code FOREIGN KEY}. */
	private static final Pattern ADD_CONSTRAINT = Pattern
		.compile(ALTER_TABLE + "CONSTRAINT\\s+(" + NAME + ")\\s+(?:CHECK|FOREIGN\\s+KEY)\\b");

	private static final Map<String, String> functions = new ConcurrentHashMap<>();

	private AllAtOnceProof() {
	}

	/**
	 * Runs the SQL migrations without COPY one after the other in one server call and one
	 * savepoint, and compares what they wrote to the catalog with what it held before:
	 * the cheap proof of a history whose migrations are all mirrored. When it finds a
	 * difference (or cannot tell), each migration is judged on its own.
	 * @param connection the build's connection, inside its transaction
	 * @param scripts the prepared SQL migrations, by index
	 * @param notes where statements that failed for another reason are added
	 * @return whether the catalog is the same after all of them; the notes are added only
	 * then
	 */
	static boolean run(Connection connection, Map<Integer, Prepared> scripts, List<String> notes) throws SQLException {
		List<Integer> owners = new ArrayList<>();
		List<SqlStatement> statements = new ArrayList<>();
		scripts.forEach((index, script) -> {
			if (!script.copies()) {
				script.statements().forEach((statement) -> {
					owners.add(index);
					statements.add(statement);
				});
			}
		});
		if (owners.isEmpty()) {
			return true;
		}
		List<String> found = new ArrayList<>();
		boolean mirrored = false;
		Savepoint savepoint = connection.setSavepoint();
		try {
			List<String[]> creates = new ArrayList<>(statements.stream().map(AllAtOnceProof::creates).toList());
			boolean[] leftOut = LeftOutStatements.of(connection, statements, creates);
			for (int i = leftOut.length - 1; i >= 0; i--) {
				if (leftOut[i]) {
					owners.remove(i);
					statements.remove(i);
					creates.remove(i);
				}
			}
			if (owners.isEmpty()) {
				// every statement would be refused or leave its default as it is: nothing
				// can change
				return true;
			}
			if (!createFunctions(connection, "baseline-proof.sql")) {
				return false;
			}
			try (PreparedStatement run = connection.prepareStatement("SELECT migration, verdict, detail FROM "
					+ "pg_temp.confiture_proof_once(?, ?, ?, ?, ARRAY(SELECT to_regclass(c)::oid FROM unnest(?::text[]) AS c "
					+ "WHERE to_regclass(c) IS NOT NULL), current_setting('track_counts')::boolean)")) {
				run.setArray(1, connection.createArrayOf("int4", owners.toArray()));
				run.setArray(2, connection.createArrayOf("text", statements.stream().map(SqlStatement::sql).toArray()));
				run.setArray(3, connection.createArrayOf("text", creates.stream().map((c) -> c[0]).toArray()));
				run.setArray(4, connection.createArrayOf("text", creates.stream().map((c) -> c[1]).toArray()));
				run.setArray(5, connection.createArrayOf("text", BaselineProver.CATALOGS.toArray()));
				try (ResultSet rows = run.executeQuery()) {
					while (rows.next()) {
						if ("note".equals(rows.getString(2))) {
							String[] parts = rows.getString(3).split(":", 3);
							SqlStatement statement = statements.get(Integer.parseInt(parts[0]) - 1);
							found.add(scripts.get(rows.getInt(1)).location() + ":" + statement.line() + ": " + parts[2]
									+ " (SQLSTATE " + parts[1] + ")");
						}
						else {
							mirrored = "mirrored".equals(rows.getString(2));
						}
					}
				}
			}
		}
		finally {
			connection.rollback(savepoint);
		}
		if (mirrored) {
			notes.addAll(found);
		}
		return mirrored;
	}

	/**
	 * The relation a statement creates when it is a plain {@code CREATE TABLE name (...)}
	 * or {@code CREATE INDEX name ON table}: the proof skips it when a relation of that
	 * name exists where it would be created, since PostgreSQL would refuse it (a table
	 * after creating and dropping the sequences of its identity columns, which costs far
	 * more than the check). Likewise the column of an
	 * {@code ALTER TABLE table ADD [COLUMN] name} and the constraint of an
	 * {@code ALTER TABLE table ADD CONSTRAINT name CHECK} or {@code FOREIGN KEY}, skipped
	 * when the table has one of that name (a refused statement costs a subtransaction and
	 * an error; the check, one catalog lookup).
	 * @return the name and, for an index, its table; {@code "#c column"} or
	 * {@code "#k constraint"} and the table; {@code null}s for other statements
	 */
	static String[] creates(SqlStatement statement) {
		Matcher table = CREATE_TABLE.matcher(statement.sql());
		if (table.lookingAt()) {
			return new String[] { table.group(1), null };
		}
		Matcher index = CREATE_INDEX.matcher(statement.sql());
		if (index.lookingAt()) {
			return new String[] { index.group(1), index.group(2) };
		}
		Matcher column = ADD_COLUMN.matcher(statement.sql());
		if (column.lookingAt()) {
			return new String[] { "#c " + column.group(2), column.group(1) };
		}
		Matcher constraint = ADD_CONSTRAINT.matcher(statement.sql());
		return constraint.lookingAt() ? new String[] { "#k " + constraint.group(2), constraint.group(1) }
				: new String[2];
	}

	/**
	 * Creates the proof's functions in {@code pg_temp}, inside the caller's savepoint,
	 * without checking their bodies (they are known to be right, and checking costs more
	 * than running).
	 * @param connection the build's connection, inside a savepoint
	 * @param names the resources holding the functions
	 * @return {@code false} when the server offers no PL/pgSQL or no temporary functions
	 */
	static boolean createFunctions(Connection connection, String... names) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			StringBuilder sql = new StringBuilder("SET LOCAL check_function_bodies = off");
			for (String name : names) {
				for (String function : script(name).split("\n--\n")) {
					sql.append(";\n").append(function);
				}
			}
			// one round trip for all of them
			statement.execute(sql.toString());
			return true;
		}
		catch (SQLException ex) {
			if (!FAST_PATH_UNAVAILABLE.contains(ex.getSQLState())) {
				throw ex;
			}
			return false;
		}
	}

	private static String script(String name) {
		return functions.computeIfAbsent(name, (key) -> {
			try (InputStream in = AllAtOnceProof.class.getResourceAsStream(key)) {
				String text = new String(Objects.requireNonNull(in, key).readAllBytes(), StandardCharsets.UTF_8);
				return text.replaceAll("(?m)^-- .*\n", "").replace("\r\n", "\n");
			}
			catch (IOException ex) {
				throw new IllegalStateException("Could not read " + key, ex);
			}
		});
	}

}
