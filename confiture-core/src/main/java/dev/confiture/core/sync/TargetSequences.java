package dev.confiture.core.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.internal.Identifiers;

/**
 * Sets the target's sequences owned by a copied table's columns from the copied data.
 */
final class TargetSequences {

	private TargetSequences() {
	}

	/**
	 * Sets each sequence owned by the table's columns to the highest value, or to its
	 * start when the table is empty. Runs in the caller's transaction.
	 */
	static void reset(Connection target, SourceTable table) throws SQLException {
		String owned = """
				SELECT quote_ident(sn.nspname) || '.' || quote_ident(s.relname), quote_ident(a.attname)
				FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
				JOIN pg_namespace sn ON sn.oid = s.relnamespace
				JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
				WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
					AND d.deptype IN ('a', 'i') AND d.refobjid = ?::regclass""";
		List<String[]> sequences = new ArrayList<>();
		try (PreparedStatement statement = target.prepareStatement(owned)) {
			statement.setString(1, table.qualified());
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					sequences.add(new String[] { rows.getString(1), rows.getString(2) });
				}
			}
		}
		try (Statement statement = target.createStatement()) {
			for (String[] sequence : sequences) {
				String literal = Identifiers.literal(sequence[0]);
				statement.execute("SELECT setval(" + literal + ", coalesce(max(" + sequence[1]
						+ "), (SELECT seqstart FROM pg_sequence WHERE seqrelid = " + literal + "::regclass)), max("
						+ sequence[1] + ") IS NOT NULL) FROM " + table.qualified());
			}
		}
	}

}
