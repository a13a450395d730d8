/**
 * What was read, before any decoding: a {@link org.nlwb.decoder.model.Capture} (append-only records
 * and the message index), its {@link org.nlwb.decoder.model.Record}s and
 * {@link org.nlwb.decoder.model.MessageRef}s, protocols, directions and the
 * {@link org.nlwb.decoder.model.Diagnostic}s a reader or decoder leaves for a person. Where a
 * capture keeps its records is a {@link org.nlwb.decoder.model.RecordStore}: on the heap, or
 * (made by the pcap reader) over a file read in place with an index of primitive
 * {@link org.nlwb.decoder.model.IndexColumn}s. Depends on bytes and message framing only.
 */
package org.nlwb.decoder.model;
