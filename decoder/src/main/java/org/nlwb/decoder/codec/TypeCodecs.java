package org.nlwb.decoder.codec;

import org.nlwb.decoder.ynl.AttrType;

/** Which codec serves which attribute type: the one place a new type is added (the switch is exhaustive). */
public final class TypeCodecs {
    private TypeCodecs() {
    }

    public static TypeCodec of(AttrType type) {
        return switch (type) {
            case U8, U16, U32, U64, S8, S16, S32, S64, UINT, SINT -> IntegerCodec.INSTANCE;
            case FLAG -> FlagCodec.INSTANCE;
            case STRING -> StringCodec.INSTANCE;
            case BINARY -> BinaryCodec.INSTANCE;
            case BITFIELD32 -> Bitfield32Codec.INSTANCE;
            case NEST -> NestCodec.INSTANCE;
            case INDEXED_ARRAY -> IndexedArrayCodec.INSTANCE;
            case NEST_TYPE_VALUE -> TypeValueCodec.INSTANCE;
            case SUB_MESSAGE -> SubMessageCodec.INSTANCE;
            case PAD, UNUSED -> RawCodec.INSTANCE;
        };
    }
}
