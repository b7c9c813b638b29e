package dev.confiture.core.diff;

import java.util.Objects;

/**
 * What to compare: the DDL that turns {@code from} into {@code to} (up) and back (down).
 *
 * @param from the current schema
 * @param to the wanted schema
 * @param options how to write the DDL
 */
public record DiffRequest(DiffSource from, DiffSource to, DiffOptions options) {

	/** Checks the sides and defaults the options. */
	public DiffRequest {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		options = (options != null) ? options : DiffOptions.defaults();
	}

	/** Compares two sides with the default options. */
	public static DiffRequest of(DiffSource from, DiffSource to) {
		return new DiffRequest(from, to, DiffOptions.defaults());
	}

}
