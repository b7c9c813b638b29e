package dev.confiture.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code confiture} command.
 */
@Command(name = "confiture", mixinStandardHelpOptions = true, versionProvider = ConfitureCommand.Version.class,
		description = "PostgreSQL schema tool whose DDL files are the source of truth.",
		subcommands = { InitCommand.class, BuildCommand.class, MigrateCommand.class, CoordinateCommand.class,
				TenantCommand.class, SyncCommand.class, CommandLine.HelpCommand.class },
		footerHeading = "%nExit codes:%n", footer = { ExitCodes.TABLE })
public class ConfitureCommand {

	/**
	 * The driver's logger, kept silent: its warnings repeat connection details on
	 * standard error, outside the command's own messages (held here so the setting is not
	 * collected).
	 */
	private static final Logger DRIVER_LOGGER = Logger.getLogger("org.postgresql");

	/**
	 * Runs the command line and exits with its exit code.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		Signals signals = Signals.install(System.err);
		int exitCode = commandLine().execute(args);
		signals.finished();
		System.exit(exitCode);
	}

	/**
	 * A command line with Confiture's error handling and exit codes, for {@code main} and
	 * tests.
	 * @return a new command line
	 */
	public static CommandLine commandLine() {
		DRIVER_LOGGER.setLevel(Level.OFF);
		CommandLine commandLine = new CommandLine(new ConfitureCommand());
		commandLine.setExecutionExceptionHandler(new ErrorHandler());
		commandLine.setParameterExceptionHandler(new UsageErrorHandler());
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		exitOnInvalidInput(commandLine, ExitCodes.USAGE);
		return commandLine;
	}

	private static void exitOnInvalidInput(CommandLine commandLine, int exitCode) {
		commandLine.getCommandSpec().exitCodeOnInvalidInput(exitCode);
		commandLine.getSubcommands().values().forEach((subcommand) -> exitOnInvalidInput(subcommand, exitCode));
	}

	static String version() {
		try (InputStream in = ConfitureCommand.class.getResourceAsStream("version.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			return properties.getProperty("version", "unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { "Confiture version " + version() };
		}

	}

}
