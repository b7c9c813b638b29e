package dev.confiture.demo.blog;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link InvalidInputException} into one GraphQL error per {@link Violation},
 * with {@code classification}, {@code field} and {@code code} in its extensions. Anything
 * else is left to Spring for GraphQL, which answers {@code INTERNAL_ERROR} without a
 * stack trace.
 */
@Component
class InvalidInputExceptionResolver extends DataFetcherExceptionResolverAdapter {

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment environment) {
		if (!(ex instanceof InvalidInputException invalid)) {
			return null;
		}
		return invalid.violations()
			.stream()
			.map((violation) -> GraphqlErrorBuilder.newError(environment)
				.errorType(violation.code().errorType())
				.message(violation.message())
				.extensions(Map.of("field", violation.field(), "code", violation.code().name()))
				.build())
			.toList();
	}

}
