/**
 * What was read, before any decoding: a {@link org.nlwb.decoder.model.Capture} (append-only records
 * and the message index), its {@link org.nlwb.decoder.model.Record}s and
 * {@link org.nlwb.decoder.model.MessageRef}s, protocols, directions and the
 * {@link org.nlwb.decoder.model.Diagnostic}s a reader or decoder leaves for a person. Depends on
 * bytes and message framing only.
 */
package org.nlwb.decoder.model;
