package dev.confiture.core.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a user can do about a failure, as a kind plus its parameters. Core never words a remedy
 * with a command-line flag or a Spring property: each adapter words it for its users (the command
 * line with its flags and commands, the Spring Boot starter with {@code confiture.*} properties).
 *
 * @param kind what to do
 * @param parameters the values the wording needs, by name (see each {@link Kind})
 */
public record Remedy(Kind kind, Map<String, String> parameters) {

	public Remedy {
		Objects.requireNonNull(kind, "kind");
		parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/**
	 * A remedy of the given kind.
	 * @param kind the kind
	 * @param namesAndValues parameter names and values, alternating
	 * @return the remedy
	 */
	public static Remedy of(Kind kind, String... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Names and values must alternate");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			parameters.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return new Remedy(kind, parameters);
	}

	/**
	 * The value of a parameter, or an empty string.
	 * @param name the parameter name
	 * @return its value
	 */
	public String get(String name) {
		String value = this.parameters.get(name);
		return (value != null) ? value : "";
	}

	/**
	 * What a user can do, each kind with the parameters its wording uses.
	 */
	public enum Kind {

		/**
		 * Fix the cause and run the migration again. Parameters: {@code before} (what to do
		 * first, ending with its conjunction), {@code operation} ({@code up} or {@code down}),
		 * {@code after} (a note on what stays applied, may be empty).
		 */
		RERUN,

		/**
		 * Record a migration as applied once the database is reachable. Parameter:
		 * {@code version}.
		 */
		RECORD_APPLIED,

		/**
		 * The target database of a build is not empty: build into an empty one, drop its schemas
		 * first, or skip the build.
		 */
		NON_EMPTY_DATABASE,

		/**
		 * Another run holds the migration lock: wait, allow a longer wait, or end the stuck
		 * session.
		 */
		LOCK_HELD,

		/**
		 * An applied migration has changed: restore it and write a new migration, or relax the
		 * checksum policy.
		 */
		CHECKSUM_MISMATCH,

		/** The database could not be reached: check the connection settings and the server. */
		CHECK_CONNECTION,

		/** No database is configured: configure one. */
		CONFIGURE_DATABASE,

		/**
		 * The environment has no database: add one to its file or give a URL. Parameter:
		 * {@code environment}.
		 */
		CONFIGURE_ENVIRONMENT_DATABASE,

		/** The database has no tracking table: migrate or build it first. */
		INITIALIZE_FIRST,

		/** A rollback lacks a down script: write it, or fix forward with a new migration. */
		WRITE_DOWN_OR_FIX_FORWARD

	}

}
