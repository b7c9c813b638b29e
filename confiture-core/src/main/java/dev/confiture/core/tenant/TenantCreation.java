package dev.confiture.core.tenant;

import java.util.List;

/**
 * What creating a tenant did.
 *
 * @param tenant the tenant
 * @param created whether it was created now ({@code false} when it already existed)
 * @param schemaFiles how many schema files were built
 * @param seedFiles how many seed files were applied
 * @param statementCount how many statements ran
 * @param baselinedMigrations the versions recorded as applied
 * @param durationMs how long it took, in milliseconds
 */
public record TenantCreation(Tenant tenant, boolean created, int schemaFiles, int seedFiles, int statementCount,
		List<String> baselinedMigrations, long durationMs) {

	public TenantCreation {
		baselinedMigrations = List.copyOf(baselinedMigrations);
	}

}
