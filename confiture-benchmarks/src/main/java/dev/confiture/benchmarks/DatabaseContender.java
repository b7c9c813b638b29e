package dev.confiture.benchmarks;

import java.sql.Connection;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;

/**
 * A contender that works on a fresh empty database for every repetition: the database is
 * created before the clock starts and dropped after it stops. Connecting to it is part of
 * the measured work. Before the clock starts, the server is checkpointed and the OS asked
 * to write its dirty pages ({@code sync}), so that the writes of creating this database
 * or of dropping the previous one are not paid by the measured work.
 */
abstract class DatabaseContender implements Contender {

	private final String name;

	private final PostgresServer server;

	private final DatabaseCheck check;

	DatabaseContender(String name, PostgresServer server, DatabaseCheck check) {
		this.name = name;
		this.server = server;
		this.check = check;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Trial newTrial() {
		ScratchDatabase database = this.server.createDatabase();
		Quiesce.server(this.server);
		return new Trial() {

			@Override
			public void run() throws Exception {
				DatabaseContender.this.run(database.settings());
			}

			@Override
			public void check() throws Exception {
				try (Connection connection = database.connect()) {
					DatabaseContender.this.check.verify(connection);
				}
			}

			@Override
			public void close() {
				database.close();
			}

		};
	}

	/**
	 * The measured work on an empty database.
	 * @param database how to reach the database; the contender connects itself
	 * @throws Exception if the work fails
	 */
	abstract void run(ConnectionSettings database) throws Exception;

}
