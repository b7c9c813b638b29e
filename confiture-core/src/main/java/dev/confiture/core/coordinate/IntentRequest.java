package dev.confiture.core.coordinate;

import java.math.BigDecimal;
import java.util.List;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Setting;

/**
 * What an agent plans to do, for {@link CoordinationRegistry#register registering} an
 * intent or {@link CoordinationRegistry#check checking} for conflicts. Every text is
 * stored exactly as given.
 *
 * @param agentId who plans the change
 * @param featureName the feature, used for the branch name; may be {@code null} for a
 * check
 * @param tablesAffected the tables the agent declares, may be empty
 * @param schemaChanges the planned DDL, one or more statements, may be {@code null}
 * @param riskLevel the agent's estimate of the risk
 * @param estimatedHours how long the work should take, or {@code null}
 * @param notes free text, or {@code null}
 */
public record IntentRequest(String agentId, String featureName, List<String> tablesAffected, String schemaChanges,
		RiskLevel riskLevel, BigDecimal estimatedHours, String notes) {

	public IntentRequest {
		if (agentId == null || agentId.isBlank()) {
			throw new ConfitureException(Category.CONFIG, "An agent id is required",
					Remedy.pass(Setting.AGENT_ID, "NAME", "Pass ", ""));
		}
		tablesAffected = (tablesAffected != null)
				? tablesAffected.stream().filter((table) -> table != null && !table.isBlank()).toList() : List.of();
		riskLevel = (riskLevel != null) ? riskLevel : RiskLevel.LOW;
		if (estimatedHours != null && estimatedHours.signum() < 0) {
			throw new ConfitureException(Category.CONFIG, "Estimated hours must not be negative: " + estimatedHours,
					Remedy.pass(Setting.ESTIMATED_HOURS, "0", "Pass ", " or more"));
		}
	}

	/**
	 * A request of the given agent for the given feature, touching nothing yet.
	 * @param agentId who plans the change
	 * @param featureName the feature
	 * @return the request
	 */
	public static IntentRequest of(String agentId, String featureName) {
		return new IntentRequest(agentId, featureName, List.of(), null, RiskLevel.LOW, null, null);
	}

	/** This request with the given declared tables. */
	public IntentRequest withTables(String... tables) {
		return new IntentRequest(this.agentId, this.featureName, List.of(tables), this.schemaChanges, this.riskLevel,
				this.estimatedHours, this.notes);
	}

	/** This request with the given planned DDL. */
	public IntentRequest withSchemaChanges(String ddl) {
		return new IntentRequest(this.agentId, this.featureName, this.tablesAffected, ddl, this.riskLevel,
				this.estimatedHours, this.notes);
	}

	/** This request with the given risk level. */
	public IntentRequest withRiskLevel(RiskLevel level) {
		return new IntentRequest(this.agentId, this.featureName, this.tablesAffected, this.schemaChanges, level,
				this.estimatedHours, this.notes);
	}

	/** This request with the given estimate. */
	public IntentRequest withEstimatedHours(BigDecimal hours) {
		return new IntentRequest(this.agentId, this.featureName, this.tablesAffected, this.schemaChanges,
				this.riskLevel, hours, this.notes);
	}

	/** This request with the given notes. */
	public IntentRequest withNotes(String text) {
		return new IntentRequest(this.agentId, this.featureName, this.tablesAffected, this.schemaChanges,
				this.riskLevel, this.estimatedHours, text);
	}

}
