package dev.confiture.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a user can do about a failure, as a kind plus its parameters. Core never words a
 * remedy with a command-line flag or a Spring property: each adapter words it for its
 * users (the command line with its flags and commands, the Spring Boot starter with
 * {@code confiture.*} properties).
 *
 * @param kind what to do
 * @param parameters the values the wording needs, by name (see each {@link Kind})
 */
public record Remedy(Kind kind, Map<String, String> parameters) {

	public Remedy {
		Objects.requireNonNull(kind, "kind");
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
	}

	/**
	 * A remedy that asks for one setting, the words around it neutral: each adapter names
	 * the setting (a flag, a property, a goal parameter).
	 * @param setting the setting to give
	 * @param value an example value, or {@code null}
	 * @param before what comes before the setting, its verb included (as {@code "Pass "})
	 * @param after what comes after it, may be empty
	 * @return the remedy
	 */
	public static Remedy pass(Setting setting, String value, String before, String after) {
		return of(Kind.PASS, "setting", setting.name(), "value", (value != null) ? value : "", "before", before,
				"after", after);
	}

	/**
	 * The setting of a {@link Kind#PASS} remedy.
	 * @return the setting
	 */
	public Setting setting() {
		return Setting.valueOf(get("setting"));
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
		 * Fix the cause and run the migration again. Parameters: {@code before} (what to
		 * do first, ending with its conjunction), {@code operation} ({@code up} or
		 * {@code down}), {@code after} (a note on what stays applied, may be empty).
		 */
		RERUN,

		/**
		 * Record a migration as applied once the database is reachable. Parameter:
		 * {@code version}.
		 */
		RECORD_APPLIED,

		/**
		 * The target database of a build is not empty: build into an empty one, drop its
		 * schemas first, or skip the build.
		 */
		NON_EMPTY_DATABASE,

		/**
		 * Another run holds the migration lock: wait, allow a longer wait, or end the
		 * stuck session.
		 */
		LOCK_HELD,

		/**
		 * An applied migration has changed: restore it and write a new migration, or
		 * relax the checksum policy.
		 */
		CHECKSUM_MISMATCH,

		/**
		 * The database could not be reached: check the connection settings and the
		 * server.
		 */
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

		/**
		 * Migrations are pending where none may be (a check that changes nothing): apply
		 * them first.
		 */
		APPLY_PENDING,

		/**
		 * A rollback lacks a down script: write it, or fix forward with a new migration.
		 */
		WRITE_DOWN_OR_FIX_FORWARD,

		/**
		 * Give one setting. Parameters: {@code setting} (a {@link Setting} name),
		 * {@code value} (an example, may be empty), {@code before} and {@code after} (the
		 * neutral words around it). See {@link Remedy#pass}.
		 */
		PASS,

		/** The configuration file does not exist: check its path, or create a project. */
		CREATE_PROJECT,

		/**
		 * The project has no environment file: create a project, or give the
		 * environment's file.
		 */
		CREATE_ENVIRONMENT,

		/**
		 * A rollback target is known but not applied: apply up to it first. Parameter:
		 * {@code version}.
		 */
		APPLY_UP_TO,

		/**
		 * A rollback target is unknown: pick an applied version (the status lists them),
		 * or 0.
		 */
		PICK_APPLIED_VERSION,

		/**
		 * The schema files lack what migrations marked as applied by a build did: add it
		 * to them, or build without the baseline proof. Parameter: {@code count} (how
		 * many migrations).
		 */
		MIRROR_MIGRATIONS_IN_SCHEMA,

		/**
		 * A generated migration has hazards: review them, then allow them or use safer
		 * forms.
		 */
		REVIEW_HAZARDS,

		/**
		 * The change needs a migration: write one, or generate it from two schema
		 * versions.
		 */
		WRITE_MIGRATION,

		/**
		 * The schema files and the migrations differ: add what is missing to a migration,
		 * or change the schema files. Parameter: {@code schema} (the schema files, as a
		 * label).
		 */
		MATCH_MIGRATIONS,

		/**
		 * The directory is not inside a git work tree: run there, init one, or give the
		 * project directory.
		 */
		OPEN_GIT_WORK_TREE,

		/**
		 * A git reference is unknown: fetch the history, or give a reference that exists.
		 * Parameter: {@code fetch} (how to fetch the history, neutral).
		 */
		KNOWN_BASE_REF,

		/** HEAD has no commit: commit first, or check the staged changes alone. */
		COMMIT_FIRST,

		/**
		 * An intent names nothing to coordinate on: give its tables, its schema changes
		 * or both.
		 */
		DESCRIBE_INTENT,

		/** An intent is unknown: list the intents. */
		LIST_INTENTS,

		/**
		 * The coordination tables do not exist: create them (registering an intent also
		 * does).
		 */
		INITIALIZE_COORDINATION

	}

	/**
	 * The settings a {@link Kind#PASS} remedy can ask for, named as the facade's options
	 * name them; each adapter has its own word for each.
	 */
	public enum Setting {

		/** The environment to use, by name. */
		ENVIRONMENT,

		/** The configuration file to read instead of looking the environment up. */
		CONFIG_FILE,

		/** The git reference a validation compares with. */
		BASE_REF,

		/** Who registers a coordination intent. */
		AGENT_ID,

		/** How many hours an intent's work is expected to take. */
		ESTIMATED_HOURS,

		/** The feature an intent is about (it also names the branch). */
		FEATURE_NAME

	}

}
