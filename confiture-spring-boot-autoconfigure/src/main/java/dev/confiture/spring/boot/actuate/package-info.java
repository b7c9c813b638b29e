/**
 * Actuator support for Confiture: endpoint, health and metrics.
 */
@NullMarked
package dev.confiture.spring.boot.actuate;

import org.jspecify.annotations.NullMarked;
