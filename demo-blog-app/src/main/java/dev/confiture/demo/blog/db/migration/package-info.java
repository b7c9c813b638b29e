/**
 * Java migrations of the blog demo application.
 */
@NullMarked
package dev.confiture.demo.blog.db.migration;

import org.jspecify.annotations.NullMarked;
