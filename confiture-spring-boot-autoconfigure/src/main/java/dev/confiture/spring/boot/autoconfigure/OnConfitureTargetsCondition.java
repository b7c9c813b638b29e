package dev.confiture.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code confiture.targets.*} names at least one target.
 */
class OnConfitureTargetsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean any = Binder.get(context.getEnvironment())
			.bind("confiture.targets", Bindable.mapOf(String.class, ConfitureTargetProperties.class))
			.map((targets) -> !targets.isEmpty())
			.orElse(false);
		return any ? ConditionOutcome.match("confiture.targets has targets")
				: ConditionOutcome.noMatch("confiture.targets has no targets");
	}

}
