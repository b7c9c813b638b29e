package dev.confiture.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import sun.misc.Signal;

import dev.confiture.core.api.Interruption;

/**
 * Handles {@code SIGTERM} and {@code SIGINT} while a command runs: the statement running
 * on the server is cancelled, its transaction rolls back, the migration lock is released,
 * and the command ends with the failure's message and exit code 143 ({@code SIGTERM}) or
 * 130 ({@code SIGINT}). A command that does not end within {@link #GRACE_SECONDS} seconds
 * is stopped with that exit code.
 */
final class Signals {

	static final int GRACE_SECONDS = 30;

	private final CountDownLatch finished = new CountDownLatch(1);

	private final PrintStream err;

	private Signals(PrintStream err) {
		this.err = err;
	}

	/**
	 * Installs the handlers for the rest of the process.
	 * @param err where to say that the command is being stopped
	 * @return call {@link #finished()} when the command has ended
	 */
	static Signals install(PrintStream err) {
		Signals signals = new Signals(err);
		for (String name : List.of("TERM", "INT")) {
			try {
				Signal.handle(new Signal(name),
						(signal) -> signals.stop("SIG" + signal.getName(), 128 + signal.getNumber()));
			}
			catch (IllegalArgumentException ex) {
				// the signal is not available here (or the JVM uses it): keep the default
			}
		}
		return signals;
	}

	/** Tells the handler that the command has ended and printed its result. */
	void finished() {
		this.finished.countDown();
	}

	private void stop(String reason, int exitCode) {
		List<String> running = Interruption.interrupt(reason);
		if (!running.isEmpty()) {
			this.err.println("Received " + reason + ": cancelling the " + String.join(" and the ", running)
					+ " and rolling back...");
		}
		try {
			if (this.finished.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
				return;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.err.println("Interrupted (" + reason + "): the command did not stop within " + GRACE_SECONDS
				+ " s; stopping now. A statement still running on the server ends with the session.");
		this.err.flush();
		Runtime.getRuntime().halt(exitCode);
	}

}
