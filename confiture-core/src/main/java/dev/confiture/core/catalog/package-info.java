/**
 * Reading {@code pg_catalog} into immutable records.
 */
@NullMarked
package dev.confiture.core.catalog;

import org.jspecify.annotations.NullMarked;
