package dev.confiture.core.tenant;

import java.util.List;

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
 * @param hint what to do about it, or {@code null}
 */
public record TenantOutcome(String tenant, String server, TenantState state, String currentVersion,
		List<String> appliedVersions, List<String> pendingVersions, List<String> differences, long durationMs,
		String error, String hint) {

	public TenantOutcome {
		appliedVersions = List.copyOf(appliedVersions);
		pendingVersions = List.copyOf(pendingVersions);
		differences = List.copyOf(differences);
	}

}
