package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A step being planned: its statements plus what it brings into existence
 * ({@link #provides}), what it takes away ({@link #removes}) and what else it needs
 * ({@link #requires}), all as object identities, for ordering.
 */
final class Change {

	final String description;

	final int priority;

	final List<String> statements = new ArrayList<>();

	final List<Hazard> hazards = new ArrayList<>();

	final Set<String> provides = new LinkedHashSet<>();

	final Set<String> removes = new LinkedHashSet<>();

	final Set<String> requires = new LinkedHashSet<>();

	boolean concurrent;

	/** The identity of the object whose creation this change belongs to, or {@code null}. */
	String subject;

	final int sequence;

	Change(String description, int priority, int sequence) {
		this.description = description;
		this.priority = priority;
		this.sequence = sequence;
	}

	Change sql(String statement) {
		this.statements.add(statement);
		return this;
	}

	Change hazard(HazardType type, String message) {
		this.hazards.add(new Hazard(type, message));
		return this;
	}

	Change provides(String... ids) {
		this.provides.addAll(List.of(ids));
		return this;
	}

	Change removes(String... ids) {
		this.removes.addAll(List.of(ids));
		return this;
	}

	Change requires(String... ids) {
		this.requires.addAll(List.of(ids));
		return this;
	}

	Step toStep() {
		return new Step(this.description, this.statements, this.hazards, this.concurrent);
	}

	@Override
	public String toString() {
		return this.description;
	}

}
