package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.confiture.core.catalog.ObjectId;

/**
 * A step being planned: its statements plus what it brings into existence
 * ({@link #provides}), what it takes away ({@link #removes}) and what else it needs
 * ({@link #requires}), for ordering: object identities ({@link ObjectId}) and plain names
 * for what is not a catalog object ({@code name public.users_id_seq}).
 */
final class Change {

	final String description;

	final int priority;

	final List<String> statements = new ArrayList<>();

	final List<Hazard> hazards = new ArrayList<>();

	final Set<Object> provides = new LinkedHashSet<>();

	final Set<Object> removes = new LinkedHashSet<>();

	final Set<Object> requires = new LinkedHashSet<>();

	boolean concurrent;

	/**
	 * The identity of the object whose creation this change belongs to, or {@code null}.
	 */
	ObjectId subject;

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

	Change provides(Object... ids) {
		this.provides.addAll(List.of(ids));
		return this;
	}

	Change removes(Object... ids) {
		this.removes.addAll(List.of(ids));
		return this;
	}

	Change requires(Object... ids) {
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
