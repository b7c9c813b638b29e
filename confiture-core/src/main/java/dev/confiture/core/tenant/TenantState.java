package dev.confiture.core.tenant;

/**
 * Where one tenant stands after a fleet operation.
 */
public enum TenantState {

	/** Nothing pending (or, when verifying, no drift). */
	UP_TO_DATE(true),

	/** Pending migrations were applied and the tenant is now up to date. */
	MIGRATED(true),

	/** Migrations wait to be applied (status only). */
	PENDING(false),

	/** The tenant has no tracking table yet. */
	NOT_INITIALIZED(false),

	/** An applied migration's file changed since it was applied: reported and skipped. */
	CHECKSUM_CHANGED(false),

	/** The tenant's schema differs from what it should be: reported and skipped. */
	DRIFTED(false),

	/** Another runner held the tenant's migration lock for too long. */
	LOCKED(false),

	/** A migration or the connection failed. */
	FAILED(false),

	/** Not attempted because the run stopped at the first failure. */
	NOT_RUN(false);

	private final boolean upToDate;

	TenantState(boolean upToDate) {
		this.upToDate = upToDate;
	}

	/** Whether the tenant is up to date in this state. */
	public boolean isUpToDate() {
		return this.upToDate;
	}

	/** The state in reports, such as {@code checksum-changed}. */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
