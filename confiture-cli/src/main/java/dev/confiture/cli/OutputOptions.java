package dev.confiture.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --format} option of reporting commands, with the output and error streams of
 * the command it is mixed into.
 */
public class OutputOptions {

	@Spec(Spec.Target.MIXEE)
	CommandSpec spec;

	@Option(names = { "--format", "-f" }, defaultValue = "text", paramLabel = "text|json",
			description = "Output format: text or json (default: text).")
	OutputFormat format = OutputFormat.TEXT;

	/** Whether JSON output was asked for. */
	public boolean json() {
		return this.format == OutputFormat.JSON;
	}

	/** The command's standard output. */
	PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	/** The command's standard error. */
	PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

}
