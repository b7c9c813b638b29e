/**
 * Internal helpers; not API.
 */
@NullMarked
package dev.confiture.core.internal;

import org.jspecify.annotations.NullMarked;
