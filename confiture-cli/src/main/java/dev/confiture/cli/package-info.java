/**
 * The {@code confiture} command line.
 */
@NullMarked
package dev.confiture.cli;

import org.jspecify.annotations.NullMarked;
