package dev.confiture.core.coordinate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of the {@code confiture} schema that hold intents, their conflicts and their
 * history. Created with {@code IF NOT EXISTS}, under the registry's lock, so creating
 * them again or from several processes at once is harmless.
 */
final class CoordinationSchema {

	static final String INTENTS = "confiture.intents";

	static final String CONFLICTS = "confiture.intent_conflicts";

	static final String HISTORY = "confiture.intent_history";

	private static final List<String> DDL = List.of("CREATE SCHEMA IF NOT EXISTS confiture", """
			CREATE TABLE IF NOT EXISTS confiture.intents (
				id text PRIMARY KEY CONSTRAINT intents_id_format CHECK (id ~ '^int_[0-9a-f]{12}$'),
				agent_id text NOT NULL,
				feature_name text NOT NULL,
				branch_name text NOT NULL CONSTRAINT intents_branch_name_key UNIQUE,
				status text NOT NULL CONSTRAINT intents_status_check
					CHECK (status IN ('registered', 'in_progress', 'completed', 'abandoned', 'conflicted')),
				risk_level text NOT NULL CONSTRAINT intents_risk_level_check
					CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
				tables_affected text[] NOT NULL DEFAULT '{}',
				schema_changes text NOT NULL DEFAULT '',
				touches text[] NOT NULL DEFAULT '{}',
				estimated_hours numeric CONSTRAINT intents_estimated_hours_check CHECK (estimated_hours >= 0),
				notes text,
				outcome text,
				reason text,
				created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
				updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
			)""", "CREATE INDEX IF NOT EXISTS intents_status_idx ON confiture.intents (status)",
			"""
					CREATE TABLE IF NOT EXISTS confiture.intent_conflicts (
						id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
						intent_id text NOT NULL REFERENCES confiture.intents (id) ON DELETE CASCADE,
						other_intent_id text NOT NULL REFERENCES confiture.intents (id) ON DELETE CASCADE,
						kind text NOT NULL,
						object_name text NOT NULL,
						severity text NOT NULL CONSTRAINT intent_conflicts_severity_check CHECK (severity IN ('warning', 'error')),
						suggestion text NOT NULL,
						created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
						resolved_at timestamptz,
						resolution text
					)""",
			"""
					CREATE INDEX IF NOT EXISTS intent_conflicts_open_idx ON confiture.intent_conflicts (intent_id)
						WHERE resolved_at IS NULL""", """
					CREATE TABLE IF NOT EXISTS confiture.intent_history (
						id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
						intent_id text NOT NULL REFERENCES confiture.intents (id) ON DELETE CASCADE,
						old_status text,
						new_status text NOT NULL,
						reason text,
						changed_by text,
						changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
					)""",
			"CREATE INDEX IF NOT EXISTS intent_history_intent_idx ON confiture.intent_history (intent_id, id)");

	private CoordinationSchema() {
	}

	/** Whether all three tables exist. */
	static boolean exists(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT to_regclass('" + INTENTS + "') IS NOT NULL AND to_regclass('" + CONFLICTS
							+ "') IS NOT NULL AND to_regclass('" + HISTORY + "') IS NOT NULL")) {
			return result.next() && result.getBoolean(1);
		}
	}

	/** Creates what is missing. */
	static void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String ddl : DDL) {
				statement.execute(ddl);
			}
		}
	}

}
