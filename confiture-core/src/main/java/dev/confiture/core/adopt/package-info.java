/**
 * Adopting an existing database: schema files written from its catalog, and a Flyway
 * history brought over as applied migrations.
 */
@NullMarked
package dev.confiture.core.adopt;

import org.jspecify.annotations.NullMarked;
