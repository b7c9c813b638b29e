/**
 * Where SQL files are read from: {@link dev.confiture.core.resource.SqlLocation
 * locations} of {@link dev.confiture.core.resource.SqlResource resources}, on disk here,
 * from Spring resources in the starter, read in place and never copied.
 */
@NullMarked
package dev.confiture.core.resource;

import org.jspecify.annotations.NullMarked;
