package dev.confiture.benchmarks;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;

/**
 * Plain JDBC running fixed statements in one transaction, either one statement per round
 * trip (as psql and Confiture do) or all of them in one round trip (a multi-statement
 * simple query): the closest a client gets to PostgreSQL's own DDL time.
 */
final class JdbcStatementsContender extends DatabaseContender {

	private final List<String> statements;

	private final boolean oneRoundTrip;

	JdbcStatementsContender(String name, PostgresServer server, DatabaseCheck check, List<String> statements,
			boolean oneRoundTrip) {
		super(name, server, check);
		this.statements = List.copyOf(statements);
		this.oneRoundTrip = oneRoundTrip;
	}

	@Override
	void run(ConnectionSettings database) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			if (this.oneRoundTrip) {
				statement.execute(String.join(";\n", this.statements));
			}
			else {
				for (String sql : this.statements) {
					statement.execute(sql);
				}
			}
			connection.commit();
		}
	}

}
