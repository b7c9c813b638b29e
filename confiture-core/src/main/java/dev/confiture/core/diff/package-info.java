/**
 * Comparing two catalogs and planning the DDL between them.
 */
@NullMarked
package dev.confiture.core.diff;

import org.jspecify.annotations.NullMarked;
