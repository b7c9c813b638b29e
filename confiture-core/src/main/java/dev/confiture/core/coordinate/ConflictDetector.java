package dev.confiture.core.coordinate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the conflicts of planned work with active intents: every object both touch, for
 * each active intent of another agent. The same table is a warning; the same column,
 * index, constraint or function an error. Unknown objects never match.
 */
final class ConflictDetector {

	private ConflictDetector() {
	}

	static List<Conflict> detect(String intentId, String agentId, List<TouchedObject> touches, List<Intent> intents) {
		List<Conflict> conflicts = new ArrayList<>();
		for (Intent other : intents) {
			if (!other.status().isActive() || other.agentId().equals(agentId) || other.id().equals(intentId)) {
				continue;
			}
			Set<TouchedObject> theirs = new HashSet<>(other.touches());
			for (TouchedObject object : touches) {
				if (object.kind() != ObjectKind.UNKNOWN && theirs.contains(object)) {
					conflicts.add(new Conflict(null, intentId, agentId, other.id(), other.agentId(), object.kind(),
							object.name(), object.kind().severity(), suggestion(object, other), null, null));
				}
			}
		}
		return conflicts;
	}

	static String suggestion(TouchedObject object, Intent other) {
		if (object.kind() == ObjectKind.TABLE) {
			return "Coordinate with " + other.agentId() + " or work on different tables";
		}
		return "Agree with " + other.agentId() + " on who changes " + object.kind().value() + " '" + object.name()
				+ "' first, or wait until " + other.id() + " is completed or abandoned";
	}

}
