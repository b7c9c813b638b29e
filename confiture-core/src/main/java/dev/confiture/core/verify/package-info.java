/**
 * Verifying a database against a fresh build of its schema files.
 */
@NullMarked
package dev.confiture.core.verify;

import org.jspecify.annotations.NullMarked;
