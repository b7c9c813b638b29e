package dev.confiture.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The system's one-minute load average, to tell a quiet run from one that shared the
 * processors with other work.
 */
final class LoadAverage {

	private static final Path LOADAVG = Path.of("/proc/loadavg");

	private LoadAverage() {
	}

	/**
	 * The one-minute load average as {@code /proc/loadavg} shows it.
	 * @return the value, or "unknown" where there is no {@code /proc/loadavg}
	 */
	static String oneMinute() {
		try {
			String text = Files.readString(LOADAVG).trim();
			return text.substring(0, text.indexOf(' '));
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

}
