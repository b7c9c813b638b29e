/**
 * The small Spring Boot application of the {@code spring-startup} benchmark. It runs only
 * in child JVMs started by the harness, on a classpath written at package time (Spring
 * Boot, JDBC, and the Confiture starter, Flyway's, or neither), never inside the
 * benchmark jar.
 */
@NullMarked
package dev.confiture.benchmarks.springapp;

import org.jspecify.annotations.NullMarked;
