/**
 * Types shared by every concern of the API, such as
 * {@link dev.confiture.core.api.ConfitureException}.
 */
@NullMarked
package dev.confiture.core.api;

import org.jspecify.annotations.NullMarked;
