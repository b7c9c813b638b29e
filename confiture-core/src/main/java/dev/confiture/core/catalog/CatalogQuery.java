package dev.confiture.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog queries (one {@code .sql} resource per kind of object) sent to the server
 * together, in one round trip, and their results taken one after the other.
 */
final class CatalogQuery {

	private static final Map<String, String> queries = new ConcurrentHashMap<>();

	private final Statement statement;

	private final String sql;

	private boolean started;

	/**
	 * Prepares the queries; nothing is sent before the first {@link #next(String)}.
	 * @param statement the statement to run them with
	 * @param settings statements to run first (each without its semicolon)
	 * @param names the names of the queries, in the order their results are taken
	 */
	CatalogQuery(Statement statement, List<String> settings, List<String> names) {
		this.statement = statement;
		StringBuilder text = new StringBuilder();
		settings.forEach((setting) -> text.append(setting).append(";\n"));
		names.forEach((name) -> text.append(sql(name)).append("\n;\n"));
		this.sql = text.toString();
	}

	/**
	 * The rows of the next query.
	 * @param name the query's name, for messages
	 * @return its rows, valid until the next call
	 * @throws SQLException if a query failed
	 */
	ResultSet next(String name) throws SQLException {
		boolean rows;
		if (!this.started) {
			this.started = true;
			rows = this.statement.execute(this.sql);
		}
		else {
			rows = this.statement.getMoreResults();
		}
		while (!rows) {
			if (this.statement.getUpdateCount() == -1) {
				throw new IllegalStateException("No rows for catalog query " + name);
			}
			rows = this.statement.getMoreResults();
		}
		return this.statement.getResultSet();
	}

	static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		Object[] values = (Object[]) array.getArray();
		List<String> result = new ArrayList<>(values.length);
		for (Object value : values) {
			result.add((String) value);
		}
		return result;
	}

	static String sql(String name) {
		return queries.computeIfAbsent(name, CatalogQuery::load);
	}

	private static String load(String name) {
		try (InputStream in = CatalogQuery.class.getResourceAsStream(name + ".sql")) {
			if (in == null) {
				throw new IllegalStateException("Missing catalog query " + name + ".sql");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
