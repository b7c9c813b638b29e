/**
 * The Maven plugin: goals that translate parameters into calls on the core facade and its
 * results into build output.
 */
@NullMarked
package dev.confiture.maven;

import org.jspecify.annotations.NullMarked;
