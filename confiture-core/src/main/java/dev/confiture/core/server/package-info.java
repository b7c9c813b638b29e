/**
 * PostgreSQL servers and throw-away databases.
 */
@NullMarked
package dev.confiture.core.server;

import org.jspecify.annotations.NullMarked;
