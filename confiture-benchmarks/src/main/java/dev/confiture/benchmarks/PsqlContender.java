package dev.confiture.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;

/**
 * {@code psql -X -q -1 -v ON_ERROR_STOP=1 -f script.sql}: the whole script in one
 * transaction, stopping at the first error; process start and connection included.
 */
final class PsqlContender extends DatabaseContender {

	private final Path psql;

	private final Path script;

	PsqlContender(String name, PostgresServer server, DatabaseCheck check, Path psql, Path script) {
		super(name, server, check);
		this.psql = psql;
		this.script = script;
	}

	@Override
	void run(ConnectionSettings database) throws Exception {
		Subprocess.run(List.of(this.psql.toString(), "-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-d",
				libpqUri(database), "-f", this.script.toString()), environment(database));
	}

	/**
	 * The libpq URI of a database: {@code jdbc:postgresql://host:port/db?x=y} becomes
	 * {@code postgresql://host:port/db} (pgjdbc parameters are not libpq's).
	 */
	static String libpqUri(ConnectionSettings database) {
		String url = database.jdbcUrl().substring("jdbc:".length());
		int query = url.indexOf('?');
		return (query >= 0) ? url.substring(0, query) : url;
	}

	static Map<String, String> environment(ConnectionSettings database) {
		Map<String, String> environment = new HashMap<>();
		environment.put("PGAPPNAME", "psql");
		if (database.user() != null) {
			environment.put("PGUSER", database.user());
		}
		if (database.password() != null) {
			environment.put("PGPASSWORD", database.password());
		}
		return environment;
	}

}
