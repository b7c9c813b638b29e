package dev.confiture.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --format} option of reporting commands.
 */
public class OutputOptions {

	@Option(names = { "--format", "-f" }, defaultValue = "text", paramLabel = "text|json",
			description = "Output format: text or json (default: text).")
	OutputFormat format = OutputFormat.TEXT;

	/** Whether JSON output was asked for. */
	public boolean json() {
		return this.format == OutputFormat.JSON;
	}

}
