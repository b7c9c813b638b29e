package dev.confiture.core.config;

import java.nio.file.Path;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;

/**
 * A configuration problem. The message names the file, the line when known, what is wrong
 * and what to do about it, as in {@code /app/db/environments/local.yaml:3: Unknown key
 * 'include_dir'. Did you mean 'include_dirs'?}. The fix is also available on its own as
 * the {@link #hint() hint}; a fix that names a setting is a {@link #remedy() remedy}
 * instead, which each adapter words (the message then ends with the problem). Messages
 * never contain a password.
 */
public class ConfigurationException extends ConfitureException {

	private final Path file;

	private final int line;

	/**
	 * Creates a new exception.
	 * @param file the file at fault, or {@code null}
	 * @param line the 1-based line in that file, or {@code 0} when unknown
	 * @param problem what is wrong, as a sentence without a final period
	 * @param fix what the user can do about it, or {@code null}
	 */
	public ConfigurationException(Path file, int line, String problem, String fix) {
		super(Category.CONFIG, message(file, line, problem, fix), fix);
		this.file = file;
		this.line = Math.max(line, 0);
	}

	/**
	 * Creates a new exception whose fix each adapter words.
	 * @param file the file at fault, or {@code null}
	 * @param line the 1-based line in that file, or {@code 0} when unknown
	 * @param problem what is wrong, as a sentence without a final period
	 * @param remedy what the user can do about it
	 */
	public ConfigurationException(Path file, int line, String problem, Remedy remedy) {
		super(Category.CONFIG, message(file, line, problem, null), remedy);
		this.file = file;
		this.line = Math.max(line, 0);
	}

	/** The file at fault, or {@code null} when the problem is not in one file. */
	public Path file() {
		return this.file;
	}

	/** The 1-based line in {@link #file()}, or {@code 0} when unknown. */
	public int line() {
		return this.line;
	}

	private static String message(Path file, int line, String problem, String fix) {
		StringBuilder message = new StringBuilder();
		if (file != null) {
			message.append(file);
			if (line > 0) {
				message.append(':').append(line);
			}
			message.append(": ");
		}
		message.append(problem);
		if (fix != null && !fix.isEmpty()) {
			message.append(problem.endsWith(".") ? " " : ". ").append(fix);
		}
		return message.toString();
	}

}
