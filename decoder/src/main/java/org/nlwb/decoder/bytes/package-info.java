/**
 * Bounded byte access: {@link org.nlwb.decoder.bytes.ByteView} reads with the byte order in the
 * method name and knows the absolute offset of every slice, so every node built on it knows its span.
 */
package org.nlwb.decoder.bytes;
