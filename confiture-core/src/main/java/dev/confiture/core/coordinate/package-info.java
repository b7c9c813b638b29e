/**
 * Coordination of schema changes between agents: intents and their conflicts.
 */
@NullMarked
package dev.confiture.core.coordinate;

import org.jspecify.annotations.NullMarked;
