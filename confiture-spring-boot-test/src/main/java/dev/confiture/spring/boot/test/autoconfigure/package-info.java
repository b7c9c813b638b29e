/**
 * Test support for Confiture: {@code @ConfitureTest} and template databases.
 */
@NullMarked
package dev.confiture.spring.boot.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
