package dev.confiture.spring.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.confiture.core.Confiture;

/**
 * Finds the migrations (lists, reads and hashes the files) on a thread of its own while
 * the initializer opens the first connection of the pool, as Spring Boot's background
 * pre-initializer warms classes up. The run then finds them in core's discovery, which
 * lists the locations again and reuses what was found when the files are the same. A
 * failure here is ignored: the run finds the migrations again and reports it.
 */
final class ConfitureDiscovery {

	private static final Log logger = LogFactory.getLog(ConfitureDiscovery.class);

	private final Thread thread;

	private ConfitureDiscovery(Thread thread) {
		this.thread = thread;
	}

	/**
	 * Starts finding the migrations of an instance.
	 * @param confiture the instance
	 * @return the discovery under way
	 */
	static ConfitureDiscovery start(Confiture confiture) {
		Thread thread = new Thread(() -> discover(confiture), "confiture-discovery");
		thread.setDaemon(true);
		thread.start();
		return new ConfitureDiscovery(thread);
	}

	private static void discover(Confiture confiture) {
		try {
			confiture.migrations();
		}
		catch (RuntimeException ex) {
			logger.trace("Migrations not found in the background; the run reports why", ex);
		}
	}

	/**
	 * Waits until the migrations were found (or their discovery failed).
	 */
	void await() {
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
