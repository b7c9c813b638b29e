package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import dev.confiture.core.coordinate.CoordinationRegistry;

/**
 * {@code confiture coordinate init}: creates the coordination tables.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
		description = "Create the coordination tables (schema confiture) if they do not exist. Safe to run again.")
class CoordinateInitCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	CoordinationOptions database;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		CoordinationRegistry registry = this.database.registry();
		boolean created = registry.initialize();
		if (this.output.json()) {
			Json.write(out, new InitDocument(true, created, registry.description(), "confiture",
					List.of("intents", "intent_conflicts", "intent_history")));
		}
		else {
			out.println(CoordinationText.OK
					+ (created ? "Coordination tables created in " : "Coordination tables already exist in ")
					+ registry.description());
			out.println("Schema confiture: intents, intent_conflicts, intent_history");
		}
		return ExitCodes.OK;
	}

	/** What {@code coordinate init --format json} prints. */
	record InitDocument(boolean ok, boolean created, String database, String schema, List<String> tables) {

	}

}
