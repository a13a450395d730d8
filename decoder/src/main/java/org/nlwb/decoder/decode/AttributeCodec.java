package org.nlwb.decoder.decode;

import org.nlwb.decoder.bytes.ByteView;

/**
 * How one attribute type of an {@link AttributeSet} is named and decoded. Implemented by the
 * YNL spec loader and by Java plugins.
 *
 * <p>Contract: {@link #decode} never throws on bad bytes; a payload of the wrong size yields a
 * {@link Decoded} with status {@code MALFORMED} and a note. Child nodes it returns carry
 * absolute offsets ({@link ByteView#abs}) and tile {@code payload} exactly.
 */
public interface AttributeCodec {

    /** The kernel constant name, e.g. {@code IFLA_IFNAME}. */
    String name();

    /**
     * Decodes the payload (the bytes after the 4-byte nlattr header, without padding).
     *
     * @param netByteOrder whether NLA_F_NET_BYTEORDER was set on this attribute
     */
    Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope);
}
