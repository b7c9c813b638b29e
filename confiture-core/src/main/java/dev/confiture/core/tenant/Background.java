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

	private Background(FutureTask<T> task) {
		this.task = task;
	}

	static <T> Background<T> start(String name, Callable<T> work) {
		FutureTask<T> task = new FutureTask<>(work);
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return new Background<>(task);
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
