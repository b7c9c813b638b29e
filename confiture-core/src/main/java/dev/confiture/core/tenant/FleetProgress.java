package dev.confiture.core.tenant;

/**
 * How far a fleet operation is.
 *
 * @param total how many tenants are handled
 * @param done how many finished up to date
 * @param failed how many finished otherwise (failed, skipped, pending)
 * @param elapsedMs time since the start, in milliseconds
 */
public record FleetProgress(int total, int done, int failed, long elapsedMs) {

	/** How many tenants are not finished. */
	public int remaining() {
		return this.total - this.done - this.failed;
	}

	/** Tenants finished per second so far. */
	public double rate() {
		return (this.elapsedMs > 0) ? (this.done + this.failed) * 1000.0 / this.elapsedMs : 0;
	}

	/**
	 * Estimated milliseconds until every tenant is finished, or {@code -1} when unknown.
	 */
	public long etaMs() {
		double rate = rate();
		return (rate > 0) ? (long) (remaining() * 1000 / rate) : -1;
	}

}
