package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import dev.confiture.cli.ErrorHandler.ErrorBody;
import dev.confiture.cli.ErrorHandler.ErrorDocument;
import dev.confiture.core.config.ConnectionSettings;

/**
 * Reports invalid command lines (unknown options, bad values, missing arguments) with
 * exit code 5: as a JSON error document on standard output when the arguments ask for
 * {@code --format json}, otherwise as the message and the command's usage on standard
 * error. Java exception names never reach the user, and values are masked like every
 * other output.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

	private static final Pattern JAVA_EXCEPTION = Pattern
		.compile(":?\\s*(?:java\\.[a-z.]+\\.)?[A-Z][A-Za-z]*Exception:?.*$");

	private static final Pattern JAVA_TYPE = Pattern.compile("is not an? java\\.[a-z.]+\\.([A-Z][A-Za-z]*)");

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		String message = ConnectionSettings.sanitize(clean(ex.getMessage()));
		String hint = "See " + commandLine.getCommandSpec().qualifiedName() + " --help";
		if (isJson(args)) {
			Json.write(commandLine.getOut(), new ErrorDocument(new ErrorBody("usage", ExitCodes.USAGE, message, hint)));
			return ExitCodes.USAGE;
		}
		PrintWriter err = commandLine.getErr();
		err.println(commandLine.getColorScheme().errorText("Error: ") + message);
		if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
			err.println(hint);
		}
		err.flush();
		return ExitCodes.USAGE;
	}

	/**
	 * Turns "'x' is not a java.math.BigDecimal: java.lang.NumberFormatException: ..."
	 * into "'x' is not a number".
	 */
	static String clean(String message) {
		if (message == null) {
			return "Invalid command line";
		}
		String cleaned = JAVA_TYPE.matcher(message).replaceAll((match) -> "is not " + describe(match.group(1)));
		String[] lines = cleaned.split("\\R", -1);
		StringBuilder result = new StringBuilder();
		for (String line : lines) {
			String stripped = JAVA_EXCEPTION.matcher(line).replaceAll("");
			if (!stripped.isBlank()) {
				result.append((result.length() > 0) ? System.lineSeparator() : "").append(stripped);
			}
		}
		return (result.length() > 0) ? result.toString() : message;
	}

	private static String describe(String type) {
		return List.of("BigDecimal", "Double", "Float").contains(type) ? "a number"
				: List.of("Integer", "Long", "Short", "BigInteger").contains(type) ? "a whole number"
						: "a valid " + type;
	}

	static boolean isJson(String[] args) {
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equalsIgnoreCase("--format=json") || arg.equalsIgnoreCase("-f=json")
					|| arg.equalsIgnoreCase("-fjson")) {
				return true;
			}
			if ((arg.equals("--format") || arg.equals("-f")) && i + 1 < args.length
					&& args[i + 1].equalsIgnoreCase("json")) {
				return true;
			}
		}
		return false;
	}

}
