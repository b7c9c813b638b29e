package dev.confiture.core.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads comments and the dependencies between objects. Comments are kept until the
 * objects they may be on are known; the ends of dependencies are named by lookup where
 * possible, since {@code pg_identify_object} costs a catalog lookup per object.
 */
final class DependencyRows {

	private static final Map<String, String> COMMENT_TARGETS = Map.ofEntries(Map.entry("table", "TABLE"),
			Map.entry("table column", "COLUMN"), Map.entry("view", "VIEW"),
			Map.entry("materialized view", "MATERIALIZED VIEW"), Map.entry("index", "INDEX"),
			Map.entry("sequence", "SEQUENCE"), Map.entry("type", "TYPE"), Map.entry("function", "FUNCTION"),
			Map.entry("procedure", "PROCEDURE"), Map.entry("schema", "SCHEMA"),
			Map.entry("table constraint", "CONSTRAINT"), Map.entry("trigger", "TRIGGER"),
			Map.entry("policy", "POLICY"));

	private final List<String[]> comments = new ArrayList<>();

	private final Map<ObjectAddress, String[]> names = new HashMap<>();

	void comments(ResultSet rs) throws SQLException {
		while (rs.next()) {
			this.comments
				.add(new String[] { rs.getString("type"), rs.getString("identity"), rs.getString("description") });
		}
	}

	/**
	 * Adds the comments read on objects that pass the given test.
	 * @param objects where to add them
	 * @param known whether an object is in the catalog
	 */
	void addComments(List<CatalogObject> objects, Predicate<ObjectId> known) {
		for (String[] comment : this.comments) {
			ObjectId target = ObjectId.of(comment[0], comment[1]);
			String keyword = COMMENT_TARGETS.get(comment[0]);
			if (keyword != null && known.test(target)) {
				objects.add(new Comment(target, keyword + " " + comment[1], comment[2]));
			}
		}
	}

	/**
	 * Reads the names of relations, their columns and table constraints
	 * ({@code relation-names.sql}), by address.
	 * @param rs the rows
	 * @throws SQLException if a row cannot be read
	 */
	void names(ResultSet rs) throws SQLException {
		while (rs.next()) {
			this.names.put(new ObjectAddress(rs.getLong(1), rs.getLong(2), rs.getInt(3)),
					new String[] { rs.getString(4), rs.getString(5) });
		}
	}

	/**
	 * Reads the dependencies ({@code dependencies.sql}) and adds them in the order of the
	 * rows. Their ends are named by {@link #names(ResultSet)}, or else by
	 * {@code pg_identify_object} (one more query, only when there are such ends); an end
	 * without a name is left out with its dependency.
	 * @param rs the rows
	 * @param dependencies where to add them
	 * @throws SQLException if a row cannot be read or the names cannot be queried
	 */
	void dependencies(ResultSet rs, Dependencies dependencies) throws SQLException {
		List<ObjectAddress[]> pairs = new ArrayList<>();
		Map<ObjectAddress, ObjectId> ids = new HashMap<>();
		Set<ObjectAddress> unnamed = new LinkedHashSet<>();
		while (rs.next()) {
			ObjectAddress[] pair = { new ObjectAddress(rs.getLong("oc"), rs.getLong("oo"), rs.getInt("os")),
					new ObjectAddress(rs.getLong("rc"), rs.getLong("ro"), rs.getInt("rs")) };
			for (ObjectAddress address : pair) {
				if (!ids.containsKey(address)) {
					String[] name = this.names.get(address);
					ids.put(address, (name != null) ? ObjectId.of(name[0], name[1]) : null);
					if (name == null) {
						unnamed.add(address);
					}
				}
			}
			pairs.add(pair);
		}
		if (!unnamed.isEmpty()) {
			identify(rs.getStatement().getConnection(), unnamed, ids);
		}
		for (ObjectAddress[] pair : pairs) {
			ObjectId dependent = ids.get(pair[0]);
			ObjectId referenced = ids.get(pair[1]);
			if (dependent != null && referenced != null) {
				dependencies.add(dependent, referenced);
			}
		}
	}

	/**
	 * Names objects with {@code pg_identify_object}, each once.
	 */
	private static void identify(Connection connection, Set<ObjectAddress> unnamed, Map<ObjectAddress, ObjectId> ids)
			throws SQLException {
		List<ObjectAddress> addresses = List.copyOf(unnamed);
		try (PreparedStatement query = connection.prepareStatement(CatalogQuery.sql("object-names"))) {
			query.setArray(1,
					connection.createArrayOf("oid", addresses.stream().map(ObjectAddress::classId).toArray()));
			query.setArray(2,
					connection.createArrayOf("oid", addresses.stream().map(ObjectAddress::objectId).toArray()));
			query.setArray(3, connection.createArrayOf("int4", addresses.stream().map(ObjectAddress::subId).toArray()));
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					if (rs.getString(4) != null && rs.getString(5) != null) {
						ids.put(new ObjectAddress(rs.getLong(1), rs.getLong(2), rs.getInt(3)),
								ObjectId.of(rs.getString(4), rs.getString(5)));
					}
				}
			}
		}
	}

	/**
	 * A catalog object as PostgreSQL addresses it.
	 */
	private record ObjectAddress(long classId, long objectId, int subId) {

	}

}
