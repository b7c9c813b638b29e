package dev.confiture.core.tenant;

/**
 * What a fleet operation does to each tenant.
 */
public enum FleetAction {

	/** Apply pending migrations. */
	MIGRATE,

	/** Report applied and pending migrations, read-only. */
	STATUS,

	/** Compare each tenant with a fresh build of the schema files, read-only. */
	VERIFY

}
