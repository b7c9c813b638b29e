/**
 * PostgreSQL-aware SQL splitting and execution.
 */
@NullMarked
package dev.confiture.core.sql;

import org.jspecify.annotations.NullMarked;
