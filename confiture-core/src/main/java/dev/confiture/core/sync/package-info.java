/**
 * Copying data between databases: tables streamed with {@code COPY} (anonymised on the
 * way), and a schema filled from another one through a mapping.
 */
@NullMarked
package dev.confiture.core.sync;

import org.jspecify.annotations.NullMarked;
