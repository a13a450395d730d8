package org.nlwb.decoder.codec;

import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;

/**
 * One attribute's decode with what its spec names (enum, struct, nested set, sub-message and its
 * selector's candidates) looked up once, when the attribute is first decoded, rather than in every
 * message. It decodes exactly as {@link TypeCodec#decode} does for the same {@link Field}.
 */
@FunctionalInterface
interface BoundDecoder {

    Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope);

    /** Implemented by the type codecs that have something to look up per attribute. */
    interface Source {
        BoundDecoder bind(Field f);
    }

    /** {@code f}'s decoder: bound by its type's codec when that codec can, else the plain decode. */
    static BoundDecoder of(Field f) {
        TypeCodec c = f.codec();
        return c instanceof Source s ? s.bind(f) : (p, net, scope) -> c.decode(f, p, net, scope);
    }
}
