/**
 * Versioned migrations: applying, rolling back and reporting them (Medium 2).
 */
@NullMarked
package dev.confiture.core.migrate;

import org.jspecify.annotations.NullMarked;
