package dev.confiture.core.tenant;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Java work done on a thread of its own while the caller waits for the database; its
 * failure is thrown, unchanged, by {@link #join()}.
 *
 * @param <T> the result
 */
final class Background<T> {

	private final FutureTask<T> task;

	Background(Callable<T> work) {
		this.task = new FutureTask<>(work);
	}

	/**
	 * Starts a thread that does the work of each, one after the other, in order.
	 * @param name the thread's name
	 * @param works the work
	 */
	static void start(String name, Background<?>... works) {
		Thread thread = new Thread(() -> {
			for (Background<?> work : works) {
				work.task.run();
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Waits for the work.
	 * @return its result
	 * @throws RuntimeException the work's own failure
	 */
	T join() {
		try {
			return this.task.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConfitureException(Category.INTERRUPTED, "Interrupted while preparing the tenant",
					"Run the command again when you are ready", ex);
		}
	}

}
