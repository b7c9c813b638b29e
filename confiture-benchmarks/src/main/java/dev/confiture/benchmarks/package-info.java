/**
 * A small benchmark harness comparing Confiture with psql and Flyway. Run by hand (see
 * the module's README), never by the build.
 */
@NullMarked
package dev.confiture.benchmarks;

import org.jspecify.annotations.NullMarked;
