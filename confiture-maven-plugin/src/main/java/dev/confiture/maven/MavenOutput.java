package dev.confiture.maven;

import org.apache.maven.plugin.logging.Log;

/**
 * Where a goal's texts go: the Maven log, line by line, without secrets.
 */
final class MavenOutput {

	private final Log log;

	private final Secrets secrets;

	MavenOutput(Log log, Secrets secrets) {
		this.log = log;
		this.secrets = secrets;
	}

	/** Logs text at info level, one log line per line of text. */
	void info(String text) {
		for (String line : lines(text)) {
			this.log.info(line);
		}
	}

	/** Logs text at warning level. */
	void warn(String text) {
		for (String line : lines(text)) {
			this.log.warn(line);
		}
	}

	/** Logs text at error level. */
	void error(String text) {
		for (String line : lines(text)) {
			this.log.error(line);
		}
	}

	private String[] lines(String text) {
		String clean = this.secrets.clean((text != null) ? text : "");
		if (clean.endsWith("\n")) {
			clean = clean.substring(0, clean.length() - 1);
		}
		return clean.split("\r?\n", -1);
	}

}
