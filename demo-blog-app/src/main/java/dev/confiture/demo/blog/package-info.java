/**
 * The blog demo application.
 */
@NullMarked
package dev.confiture.demo.blog;

import org.jspecify.annotations.NullMarked;
