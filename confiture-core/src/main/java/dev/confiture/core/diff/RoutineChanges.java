package dev.confiture.core.diff;

import java.util.Locale;

import dev.confiture.core.catalog.Routine;
import dev.confiture.core.catalog.Trigger;

/**
 * Functions, procedures and the triggers that call them: created from their definition,
 * dropped, replaced in place ({@code CREATE OR REPLACE}) when only the body changes, and
 * for a trigger enabled or disabled.
 */
final class RoutineChanges {

	private final Planner planner;

	RoutineChanges(Planner planner) {
		this.planner = planner;
	}

	void create(Routine routine) {
		this.planner.functionBodiesUnchecked();
		this.planner
			.newChange("create " + (routine.procedure() ? "procedure " : "function ") + routine.signature(),
					Priority.CREATE_ROUTINE)
			.sql(routine.definition())
			.provides(routine.id(), "routine " + routine.signature());
	}

	void drop(Routine routine) {
		String kind = routine.procedure() ? "procedure" : "function";
		this.planner.newChange("drop " + kind + " " + routine.signature(), Priority.DROP_ROUTINE)
			.sql("DROP " + kind.toUpperCase(Locale.ROOT) + " " + routine.signature())
			.removes(routine.id(), "routine " + routine.signature());
	}

	void replace(Routine routine) {
		this.planner.functionBodiesUnchecked();
		this.planner
			.newChange("replace " + (routine.procedure() ? "procedure " : "function ") + routine.signature(),
					Priority.CREATE_ROUTINE)
			.sql(routine.definition())
			.removes(routine.id())
			.provides(routine.id());
	}

	void create(Trigger trigger) {
		Change change = this.planner
			.newChange("create trigger " + trigger.name() + " on " + trigger.table(), Priority.CREATE_TRIGGER)
			.sql(trigger.definition())
			.provides(trigger.id());
		if (!"O".equals(trigger.enabled())) {
			change.sql(enablement(trigger));
		}
	}

	void drop(Trigger trigger) {
		this.planner.newChange("drop trigger " + trigger.name() + " on " + trigger.table(), Priority.DROP_TRIGGER)
			.sql("DROP TRIGGER " + trigger.name() + " ON " + trigger.table())
			.removes(trigger.id());
	}

	/** A trigger whose definition stays and that is enabled or disabled. */
	void alter(Trigger trigger) {
		this.planner.newChange("alter trigger " + trigger.name() + " on " + trigger.table(), Priority.CREATE_TRIGGER)
			.sql(enablement(trigger))
			.requires(trigger.id());
	}

	private static String enablement(Trigger trigger) {
		String action = switch (trigger.enabled()) {
			case "D" -> "DISABLE";
			case "R" -> "ENABLE REPLICA";
			case "A" -> "ENABLE ALWAYS";
			default -> "ENABLE";
		};
		return "ALTER TABLE " + trigger.table() + " " + action + " TRIGGER " + trigger.name();
	}

}
