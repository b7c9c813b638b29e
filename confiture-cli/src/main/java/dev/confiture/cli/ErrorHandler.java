package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

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
			String category = (failure != null) ? failure.category().name().toLowerCase(Locale.ROOT) : "internal";
			List<String> details = (failure != null && !failure.details().isEmpty())
					? failure.details().stream().map(ConnectionSettings::sanitize).toList() : null;
			Json.write(commandLine.getOut(),
					new ErrorDocument(new ErrorBody(category, exitCode, message, hint, details, location(ex))));
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

	private static Location location(Exception ex) {
		if (ex instanceof SqlExecutionException sql) {
			return new SqlLocation(sql.source(), sql.line(), sql.sqlState());
		}
		if (ex instanceof SqlSyntaxException syntax) {
			return new FileLocation(syntax.source(), syntax.line());
		}
		if (ex instanceof ConfigurationException config && config.file() != null) {
			return new FileLocation(config.file().toString(), config.line());
		}
		return null;
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

	/** The error document of every command: {@code ok} is false. */
	record ErrorDocument(boolean ok, ErrorBody error) {

		ErrorDocument(ErrorBody error) {
			this(false, error);
		}

	}

	/**
	 * What went wrong: {@code details} only when there are some, the location's keys only
	 * when the failure has one.
	 */
	record ErrorBody(String category, int exitCode, String message, String hint,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<String> details, @JsonUnwrapped Location location) {

		ErrorBody(String category, int exitCode, String message, String hint) {
			this(category, exitCode, message, hint, null, null);
		}

	}

	/** Where a failure happened, written inline in {@link ErrorBody}. */
	sealed interface Location permits SqlLocation, FileLocation {

	}

	/** A failing SQL statement: its file, line and SQLSTATE (each possibly null). */
	record SqlLocation(String file, int line, String sqlState) implements Location {

	}

	/** A file and line: a syntax error in SQL or an error in a configuration file. */
	record FileLocation(String file, int line) implements Location {

	}

}
