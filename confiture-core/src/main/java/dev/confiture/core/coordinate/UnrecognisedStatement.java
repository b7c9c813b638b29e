package dev.confiture.core.coordinate;

/**
 * A planned statement the recogniser could not read. The objects it touches are unknown,
 * so it is not checked for conflicts; tools say so.
 *
 * @param line the statement's first line in the planned changes
 * @param statement the statement's first keywords, for messages
 * @param reason why it was not read
 */
public record UnrecognisedStatement(int line, String statement, String reason) {

}
