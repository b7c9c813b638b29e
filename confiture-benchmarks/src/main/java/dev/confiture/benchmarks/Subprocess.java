package dev.confiture.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Runs a command to completion, keeping its output only to explain a failure.
 */
final class Subprocess {

	private Subprocess() {
	}

	/**
	 * Runs a command and waits for it.
	 * @param command the command and its arguments
	 * @param environment variables added to this process's environment
	 * @throws IOException if the command cannot start
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if the command exits with a status other than 0
	 */
	static void run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
		output(command, environment);
	}

	/**
	 * Runs a command, waits for it and returns what it printed (standard output and
	 * error).
	 * @param command the command and its arguments
	 * @param environment variables added to this process's environment
	 * @return the output
	 * @throws IOException if the command cannot start
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if the command exits with a status other than 0
	 */
	static String output(List<String> command, Map<String, String> environment)
			throws IOException, InterruptedException {
		File output = File.createTempFile("confiture-bench-", ".out");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
			builder.environment().putAll(environment);
			int status = builder.start().waitFor();
			String text = Files.readString(output.toPath(), StandardCharsets.UTF_8);
			if (status != 0) {
				throw new IllegalStateException(String.join(" ", command) + " exited with " + status + ":\n"
						+ ((text.length() > 4000) ? text.substring(0, 4000) + "\n..." : text));
			}
			return text;
		}
		finally {
			Files.deleteIfExists(output.toPath());
		}
	}

	/**
	 * Runs a command and returns the first line it prints.
	 * @param command the command and its arguments
	 * @return the first line, or {@code null} if the command cannot run
	 */
	static String firstLine(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			return text.lines().findFirst().orElse("").trim();
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
