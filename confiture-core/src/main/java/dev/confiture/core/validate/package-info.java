/**
 * Git-aware validation of schema changes.
 */
@NullMarked
package dev.confiture.core.validate;

import org.jspecify.annotations.NullMarked;
