/**
 * Turning a captured request back into a {@link org.nlwb.decoder.encode.Request} described by
 * name: from any capture a reader reads, or from {@code nlwb decode --json} output, by its index.
 */
package org.nlwb.decoder.replay;
