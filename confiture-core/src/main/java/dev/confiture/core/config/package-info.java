/**
 * Environments: YAML configuration, connection settings and variable substitution.
 */
@NullMarked
package dev.confiture.core.config;

import org.jspecify.annotations.NullMarked;
