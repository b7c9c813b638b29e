package dev.confiture.core.tenant;

import java.util.HashMap;
import java.util.Map;

import dev.confiture.core.tenant.TenantWork.Probe;

/**
 * The structure most tenants have, for each group of tenants with the same applied
 * migrations (their peers). Tenants of a group of at least three whose structure differs
 * from the one more than half of the group share have drifted. Built by counting each
 * group's fingerprints, so that no list of probes is kept.
 */
final class PeerNorms {

	private static final int MIN_PEERS = 3;

	private final Map<String, Norm> norms;

	private PeerNorms(Map<String, Norm> norms) {
		this.norms = norms;
	}

	/**
	 * Finds the norm of each group of peers.
	 * @param probes the probes of the fleet, in the order of the tenants (the first
	 * tenant with the norm's structure is its reference)
	 * @return the norms
	 */
	static PeerNorms of(Probe[] probes) {
		Map<String, Map<String, Counter>> groups = new HashMap<>();
		for (Probe probe : probes) {
			if (isPeer(probe)) {
				groups.computeIfAbsent(probe.peerKey(), (key) -> new HashMap<>())
					.computeIfAbsent(probe.fingerprint(), (key) -> new Counter(probe)).count++;
			}
		}
		Map<String, Norm> norms = new HashMap<>();
		groups.forEach((peerKey, byFingerprint) -> {
			int peers = 0;
			Counter most = null;
			for (Counter counter : byFingerprint.values()) {
				peers += counter.count;
				if (most == null || counter.count > most.count) {
					most = counter;
				}
			}
			if (peers >= MIN_PEERS && most.count * 2 > peers) {
				norms.put(peerKey, new Norm(most.first, most.count, peers));
			}
		});
		return new PeerNorms(norms);
	}

	/**
	 * The norm a tenant departs from.
	 * @param probe the tenant's probe
	 * @return the norm of its peers when its structure differs, else {@code null}
	 */
	Norm departedFrom(Probe probe) {
		Norm norm = isPeer(probe) ? this.norms.get(probe.peerKey()) : null;
		return (norm != null && !probe.fingerprint().equals(norm.reference().fingerprint())) ? norm : null;
	}

	private static boolean isPeer(Probe probe) {
		return probe.failure() == null && probe.fingerprint() != null && probe.initialized();
	}

	/**
	 * The structure most peers have.
	 *
	 * @param reference the first tenant with it
	 * @param agreeing how many peers have it
	 * @param peers how many peers the group has
	 */
	record Norm(Probe reference, int agreeing, int peers) {

	}

	private static final class Counter {

		private final Probe first;

		private int count;

		Counter(Probe first) {
			this.first = first;
		}

	}

}
