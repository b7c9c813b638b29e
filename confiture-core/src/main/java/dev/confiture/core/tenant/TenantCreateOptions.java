package dev.confiture.core.tenant;

import java.util.Objects;

/**
 * How to create a tenant.
 *
 * @param name the tenant's name: a schema name, or a database name for database tenants
 * @param schemaOnly leave the environment's seed files out
 * @param ifMissing when the tenant already exists, report it instead of failing
 */
public record TenantCreateOptions(String name, boolean schemaOnly, boolean ifMissing) {

	public TenantCreateOptions {
		Objects.requireNonNull(name, "name");
	}

	/** Schema files and seeds; an existing tenant is an error. */
	public static TenantCreateOptions of(String name) {
		return new TenantCreateOptions(name, false, false);
	}

	/** These options without seed files. */
	public TenantCreateOptions withSchemaOnly(boolean schemaOnly) {
		return new TenantCreateOptions(this.name, schemaOnly, this.ifMissing);
	}

	/** These options reporting an existing tenant instead of failing. */
	public TenantCreateOptions withIfMissing(boolean ifMissing) {
		return new TenantCreateOptions(this.name, this.schemaOnly, ifMissing);
	}

}
