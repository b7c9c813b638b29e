package dev.confiture.core.coordinate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A registered intent: an agent's declared plan to change part of the schema, as stored
 * in the coordination database.
 *
 * @param id the id, {@code int_} and 12 hexadecimal digits
 * @param agentId who plans the change
 * @param featureName the feature, as given
 * @param branchName the branch allocated to the work, {@code feature/<feature>_NNN},
 * unique
 * @param status where the intent is in its life
 * @param riskLevel the agent's estimate of the risk
 * @param tablesAffected the declared tables, as given
 * @param schemaChanges the planned DDL, as given (empty if none)
 * @param touches the objects the intent touches
 * @param estimatedHours the estimate, or {@code null}
 * @param notes notes given at registration or on completion, or {@code null}
 * @param outcome the outcome given on completion, or {@code null}
 * @param reason the reason given when abandoned, or {@code null}
 * @param createdAt when it was registered
 * @param updatedAt when its status last changed
 */
public record Intent(String id, String agentId, String featureName, String branchName, IntentStatus status,
		RiskLevel riskLevel, List<String> tablesAffected, String schemaChanges, List<TouchedObject> touches,
		BigDecimal estimatedHours, String notes, String outcome, String reason, Instant createdAt, Instant updatedAt) {

	public Intent {
		tablesAffected = List.copyOf(tablesAffected);
		touches = List.copyOf(touches);
	}

	/** The names of the tables this intent touches, declared or named by its DDL. */
	public List<String> tables() {
		return this.touches.stream()
			.filter((object) -> object.kind() == ObjectKind.TABLE)
			.map(TouchedObject::name)
			.toList();
	}

}
