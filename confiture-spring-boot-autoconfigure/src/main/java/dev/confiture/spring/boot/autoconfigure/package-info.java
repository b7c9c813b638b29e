/**
 * Auto-configuration of Confiture for Spring Boot.
 */
@NullMarked
package dev.confiture.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
