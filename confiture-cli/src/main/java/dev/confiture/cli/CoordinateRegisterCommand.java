package dev.confiture.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.confiture.core.coordinate.CoordinationDocuments;
import dev.confiture.core.coordinate.CoordinationDocuments.ConflictDocument;
import dev.confiture.core.coordinate.CoordinationDocuments.IntentDocument;
import dev.confiture.core.coordinate.CoordinationDocuments.UnrecognisedStatementDocument;
import dev.confiture.core.coordinate.IntentRequest;
import dev.confiture.core.coordinate.Registration;
import dev.confiture.core.coordinate.RiskLevel;

/**
 * {@code confiture coordinate register}: records an agent's intent and allocates its
 * branch.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
		description = { "Register an intent before changing the schema: records it, allocates a branch",
				"feature/<feature>_NNN and records conflicts with other agents' active intents.",
				"Exits with 1 when the intent conflicts (it is then registered as CONFLICTED)." })
class CoordinateRegisterCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	CoordinationOptions database;

	@Mixin
	PlannedChangeOptions planned;

	@Mixin
	OutputOptions output;

	@Option(names = "--agent-id", required = true, paramLabel = "AGENT", description = "Who plans the change.")
	String agentId;

	@Option(names = "--feature-name", required = true, paramLabel = "NAME",
			description = "The feature; also names the branch.")
	String featureName;

	@Option(names = "--risk-level", defaultValue = "low", paramLabel = "LEVEL",
			description = "low, medium, high or critical (default: low).")
	RiskLevel riskLevel;

	@Option(names = "--estimated-hours", paramLabel = "HOURS", converter = Hours.class,
			description = "How long the work should take, in hours: 2 or 1.5.")
	BigDecimal estimatedHours;

	@Option(names = "--notes", paramLabel = "TEXT", description = "Free text stored with the intent.")
	String notes;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		IntentRequest request = new IntentRequest(this.agentId, this.featureName, this.planned.tables(),
				this.planned.ddl(), this.riskLevel, this.estimatedHours, this.notes);
		Registration registration = this.database.registry().register(request);
		if (this.output.json()) {
			Json.write(out,
					new RegisterDocument(true, CoordinationDocuments.intent(registration.intent()),
							CoordinationDocuments.conflicts(registration.conflicts()),
							CoordinationDocuments.unrecognised(registration.unrecognised())));
		}
		else {
			out.println((registration.hasConflicts() ? CoordinationText.WARNING + "Intent registered with conflicts: "
					: CoordinationText.OK + "Intent registered: ") + registration.intent().id());
			out.println("Branch allocated: " + registration.intent().branchName());
			out.println("Status: " + CoordinationText.status(registration.intent().status()));
			CoordinationText.conflicts(out, registration.conflicts());
			CoordinationText.unrecognised(out, registration.unrecognised());
			out.flush();
		}
		return registration.hasConflicts() ? CoordinateCommand.CONFLICTS_FOUND : ExitCodes.OK;
	}

	/** What {@code coordinate register --format json} prints. */
	record RegisterDocument(boolean ok, IntentDocument intent, List<ConflictDocument> conflicts,
			List<UnrecognisedStatementDocument> unrecognised) {

	}

	/** Reads a positive number of hours. */
	static final class Hours implements picocli.CommandLine.ITypeConverter<BigDecimal> {

		@Override
		public BigDecimal convert(String value) {
			BigDecimal hours;
			try {
				hours = new BigDecimal(value.strip());
			}
			catch (NumberFormatException ex) {
				throw new picocli.CommandLine.TypeConversionException(
						"'" + value + "' is not a number of hours; write e.g. 2 or 1.5");
			}
			if (hours.signum() <= 0) {
				throw new picocli.CommandLine.TypeConversionException(
						"'" + value + "' must be more than zero hours; write e.g. 2 or 1.5");
			}
			return hours;
		}

	}

}
