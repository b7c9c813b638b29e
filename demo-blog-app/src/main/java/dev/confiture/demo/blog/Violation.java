package dev.confiture.demo.blog;

import org.springframework.graphql.execution.ErrorType;

/**
 * One reason why an input was refused, reported to GraphQL clients as one error whose
 * extensions carry {@code field} and {@code code}.
 *
 * @param field the argument at fault, such as {@code email} or {@code tags[2]}
 * @param code what is wrong with it
 * @param message a sentence for people
 */
record Violation(String field, Code code, String message) {

	/**
	 * What is wrong with an argument.
	 */
	enum Code {

		/** Missing or blank. */
		REQUIRED,

		/** Shorter than allowed. */
		TOO_SHORT,

		/** Longer than allowed. */
		TOO_LONG,

		/** More items than allowed. */
		TOO_MANY,

		/** A number outside its range. */
		OUT_OF_RANGE,

		/**
		 * Not in the expected format (an id that is not a UUID, a malformed email...).
		 */
		INVALID_FORMAT,

		/** Already taken by another row. */
		DUPLICATE,

		/** Names a row that does not exist. */
		NOT_FOUND;

		ErrorType errorType() {
			return (this != NOT_FOUND) ? ErrorType.BAD_REQUEST : ErrorType.NOT_FOUND;
		}

	}

}
