/**
 * One codec per YNL attribute type ({@link org.nlwb.decoder.codec.TypeCodec}, chosen by
 * {@link org.nlwb.decoder.codec.TypeCodecs}): decode bytes into tree nodes, encode a JSON description,
 * describe a decoded attribute as JSON, validate a value and give an {@link org.nlwb.decoder.codec.EditorHint};
 * {@link org.nlwb.decoder.codec.FamilyCodecs} binds them to a family. Sits on the {@code ynl} model; {@code spec}
 * (message classes) and {@code encode} (requests) use it.
 */
package org.nlwb.decoder.codec;
