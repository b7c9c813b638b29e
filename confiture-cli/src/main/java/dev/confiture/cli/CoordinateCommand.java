package dev.confiture.cli;

import picocli.CommandLine.Command;

/**
 * {@code confiture coordinate}: intents of agents working on one schema at the same time,
 * kept in a coordination database.
 */
@Command(name = "coordinate", mixinStandardHelpOptions = true, description = {
		"Coordinate schema work between agents: register intents, check for conflicts, see who works on what.",
		"Intents live in the confiture schema of the coordination database (--db-url, $CONFITURE_COORDINATION_URL or $DATABASE_URL).",
		"check, register and conflicts exit with 1 when they find a conflict." },
		subcommands = { CoordinateInitCommand.class, CoordinateRegisterCommand.class, CoordinateCheckCommand.class,
				CoordinateStatusCommand.class, CoordinateListCommand.class, CoordinateConflictsCommand.class,
				CoordinateStartCommand.class, CoordinateCompleteCommand.class, CoordinateAbandonCommand.class })
class CoordinateCommand {

	/** Exit code of a command that found a conflict. */
	static final int CONFLICTS_FOUND = 1;

}
