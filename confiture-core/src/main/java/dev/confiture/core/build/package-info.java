/**
 * Building a database from its schema files in one transaction (Medium 1).
 */
@NullMarked
package dev.confiture.core.build;

import org.jspecify.annotations.NullMarked;
