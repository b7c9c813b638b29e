package dev.confiture.core.tenant;

import java.util.List;

import dev.confiture.core.api.Remedy;

/**
 * What a fleet operation did to one tenant.
 *
 * @param tenant the tenant's name
 * @param server the server that holds it ({@code host:port})
 * @param state where it stands now
 * @param currentVersion the newest applied version, or {@code null}
 * @param appliedVersions the versions applied by this run, in order
 * @param pendingVersions the versions still waiting, in order
 * @param differences what differs (drift), empty otherwise
 * @param durationMs how long the tenant took, in milliseconds
 * @param error what went wrong (with {@code file:line} for SQL), or {@code null}
 * @param hint what to do about it in neutral words, or {@code null}
 * @param remedy what to do about it, for each adapter to word, or {@code null}
 */
public record TenantOutcome(String tenant, String server, TenantState state, String currentVersion,
		List<String> appliedVersions, List<String> pendingVersions, List<String> differences, long durationMs,
		String error, String hint, Remedy remedy) {

	public TenantOutcome {
		appliedVersions = List.copyOf(appliedVersions);
		pendingVersions = List.copyOf(pendingVersions);
		differences = List.copyOf(differences);
	}

	public TenantOutcome(String tenant, String server, TenantState state, String currentVersion,
			List<String> appliedVersions, List<String> pendingVersions, List<String> differences, long durationMs,
			String error, String hint) {
		this(tenant, server, state, currentVersion, appliedVersions, pendingVersions, differences, durationMs, error,
				hint, null);
	}

}
