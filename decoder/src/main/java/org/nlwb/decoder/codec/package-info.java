/**
 * One {@link org.nlwb.decoder.codec.TypeCodec} per YNL attribute type: decode, encode from JSON, describe back,
 * validate and {@link org.nlwb.decoder.codec.EditorHint}; {@link org.nlwb.decoder.codec.FamilyCodecs} binds them to
 * a family (start there for editors). Above {@code ynl}; {@code spec} and {@code encode} build on it.
 */
package org.nlwb.decoder.codec;
