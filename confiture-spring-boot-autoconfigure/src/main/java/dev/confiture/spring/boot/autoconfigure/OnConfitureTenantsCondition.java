package dev.confiture.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code confiture.tenants.schemas.*} or
 * {@code confiture.tenants.databases.*} is set.
 */
class OnConfitureTenantsCondition extends SpringBootCondition {

	private static final String[] KEYS = { "like", "list", "list[0]", "query" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		for (String kind : new String[] { "schemas", "databases" }) {
			for (String key : KEYS) {
				if (environment.containsProperty("confiture.tenants." + kind + "." + key)) {
					return ConditionOutcome.match("confiture.tenants." + kind + "." + key + " is set");
				}
			}
		}
		return ConditionOutcome.noMatch("confiture.tenants has no schemas or databases");
	}

}
