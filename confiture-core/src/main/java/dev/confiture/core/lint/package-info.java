/**
 * Linting migrations: what each statement would do to a live table (locks, rewrites, data
 * loss), from the text and the rules or measured on a shadow database.
 */
@NullMarked
package dev.confiture.core.lint;

import org.jspecify.annotations.NullMarked;
