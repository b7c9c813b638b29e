/**
 * Entry point of the Java API: the {@link dev.confiture.core.Confiture} facade.
 */
@NullMarked
package dev.confiture.core;

import org.jspecify.annotations.NullMarked;
