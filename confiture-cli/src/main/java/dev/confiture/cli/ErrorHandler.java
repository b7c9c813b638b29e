package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Interruption;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConfigurationException;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.sql.SqlSyntaxException;

/**
 * Turns a failure into a message and an exit code: the message and hint on standard
 * error, or a JSON error document on standard output with {@code --format json}. Nothing
 * printed contains a password.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		ConfitureException failure = (ex instanceof ConfitureException confiture) ? confiture : null;
		int exitCode = (failure != null) ? ExitCodes.of(failure.category()) : 1;
		if (failure != null && failure.category() == Category.INTERRUPTED && "SIGINT".equals(Interruption.reason())) {
			exitCode = ExitCodes.INTERRUPTED_BY_SIGINT;
		}
		String message = ConnectionSettings.sanitize((failure != null) ? failure.getMessage() : describe(ex));
		String hint = (failure != null) ? ConnectionSettings.sanitize(RemedyText.of(failure)) : null;
		if (isJson(parseResult)) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("category", (failure != null) ? failure.category().name().toLowerCase(Locale.ROOT) : "internal");
			error.put("exitCode", exitCode);
			error.put("message", message);
			error.put("hint", hint);
			if (failure != null && !failure.details().isEmpty()) {
				error.put("details", failure.details().stream().map(ConnectionSettings::sanitize).toList());
			}
			if (ex instanceof SqlExecutionException sql) {
				error.put("file", sql.source());
				error.put("line", sql.line());
				error.put("sqlState", sql.sqlState());
			}
			else if (ex instanceof SqlSyntaxException syntax) {
				error.put("file", syntax.source());
				error.put("line", syntax.line());
			}
			else if (ex instanceof ConfigurationException config && config.file() != null) {
				error.put("file", config.file().toString());
				error.put("line", config.line());
			}
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("ok", false);
			document.put("error", error);
			Json.write(commandLine.getOut(), document);
		}
		else {
			PrintWriter err = commandLine.getErr();
			err.println(commandLine.getColorScheme().errorText("Error: ") + message);
			if (hint != null && !message.contains(hint)) {
				err.println("Hint: " + hint);
			}
			if (failure == null) {
				ex.printStackTrace(err);
			}
			err.flush();
		}
		return exitCode;
	}

	private static String describe(Exception ex) {
		return "Unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
	}

	private static boolean isJson(ParseResult parseResult) {
		ParseResult result = parseResult;
		while (result != null) {
			if (result.hasMatchedOption("--format")) {
				Object value = result.matchedOptionValue("--format", null);
				return value != null && "json".equalsIgnoreCase(String.valueOf(value));
			}
			result = result.subcommand();
		}
		return false;
	}

}
