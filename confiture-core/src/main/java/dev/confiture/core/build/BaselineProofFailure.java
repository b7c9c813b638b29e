package dev.confiture.core.build;

import java.util.stream.Collectors;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;

/**
 * The failure of a build whose schema files lack the effect of migrations that it would
 * mark as applied.
 */
final class BaselineProofFailure {

	private static final String NEW_LINE = System.lineSeparator();

	private BaselineProofFailure() {
	}

	static ConfitureException of(BaselineProof proof) {
		int count = proof.unmirrored().size();
		String list = proof.unmirrored()
			.stream()
			.map((migration) -> "  " + migration.migration() + " (" + migration.location() + ") "
					+ String.join(", ", migration.changes()))
			.collect(Collectors.joining(NEW_LINE));
		return new ConfitureException(Category.SCHEMA,
				"The schema files do not contain " + ((count == 1) ? "a migration " : count + " migrations ")
						+ "that the build would mark as applied; a database built from them would lack "
						+ ((count == 1) ? "its" : "their") + " effect, and " + ((count == 1) ? "it" : "they")
						+ " would never run on it:" + NEW_LINE + list,
				Remedy.of(Remedy.Kind.MIRROR_MIGRATIONS_IN_SCHEMA, "count", String.valueOf(count)));
	}

}
