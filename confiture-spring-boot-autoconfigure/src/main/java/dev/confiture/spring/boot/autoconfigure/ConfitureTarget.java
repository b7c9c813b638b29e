package dev.confiture.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a {@code JavaMigration} bean to one named target
 * ({@code confiture.targets.<name>}) instead of the main target:
 * {@code @ConfitureTarget("reporting")}. Java migration beans without it belong to the
 * main target ({@code "main"} says so explicitly).
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConfitureTarget {

	/** The target's name, as in {@code confiture.targets.<name>}, or {@code main}. */
	String value();

}
