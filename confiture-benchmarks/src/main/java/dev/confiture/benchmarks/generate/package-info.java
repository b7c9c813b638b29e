/**
 * Generators of the projects the benchmarks run on: schema trees, migration histories and
 * the files Flyway, psql and Confiture read. Deterministic: the same arguments write the
 * same bytes.
 */
@NullMarked
package dev.confiture.benchmarks.generate;

import org.jspecify.annotations.NullMarked;
