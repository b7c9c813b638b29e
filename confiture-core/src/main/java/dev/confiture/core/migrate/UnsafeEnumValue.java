package dev.confiture.core.migrate;

import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Kind;
import dev.confiture.core.sql.SqlExecutionException;

/**
 * PostgreSQL's rule that an enum value added by {@code ALTER TYPE ... ADD VALUE} cannot
 * be used before the transaction that added it commits ("unsafe use of new value",
 * SQLSTATE 55P04). A migration runs in one transaction, so a migration that adds a value
 * and uses it fails; the failure is explained with this rule and what to do.
 */
final class UnsafeEnumValue {

	static final String SQLSTATE = "55P04";

	private UnsafeEnumValue() {
	}

	static boolean matches(SqlExecutionException failure) {
		return SQLSTATE.equals(failure.sqlState());
	}

	static String rule() {
		return "PostgreSQL rule: an enum value added by ALTER TYPE ... ADD VALUE cannot be used (in a default, a check,"
				+ " an index, a view or a row) until the transaction that added it has committed, and a migration runs"
				+ " in one transaction.";
	}

	static Remedy remedy(String location, String operation, String after) {
		return Remedy.of(Kind.RERUN, "before", "Move the ALTER TYPE ... ADD VALUE of " + location
				+ " into a migration of its own that comes before it (or create the type again with all its values"
				+ " instead of adding one), then ", "operation", operation, "after", after);
	}

}
