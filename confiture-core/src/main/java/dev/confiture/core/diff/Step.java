package dev.confiture.core.diff;

import java.util.List;

/**
 * One change of a {@link Plan}: the statements that make it, in order, and its hazards.
 *
 * @param description what the step does, e.g. {@code add column public.users.bio}
 * @param statements the SQL statements, without terminating semicolons
 * @param hazards its risks, empty when it is safe
 * @param concurrent whether it must run outside a transaction block
 * ({@code CONCURRENTLY})
 */
public record Step(String description, List<String> statements, List<Hazard> hazards, boolean concurrent) {

	public Step {
		statements = List.copyOf(statements);
		hazards = List.copyOf(hazards);
	}

}
