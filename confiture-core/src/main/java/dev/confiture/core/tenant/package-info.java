/**
 * Tenants of one environment (schemas or databases): listed, created from the schema
 * files, and migrated, reported or verified in parallel.
 */
@NullMarked
package dev.confiture.core.tenant;

import org.jspecify.annotations.NullMarked;
