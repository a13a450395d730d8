package org.nlwb.decoder.families;

import org.nlwb.decoder.decode.AttributeCodec;

/**
 * A codec that replaces the spec's for one attribute (through {@code Registry.Builder.attributeCodec})
 * and keeps the spec's kernel name for it ({@code RTA_VIA}), so only the layout changes.
 */
abstract class SpecNamedCodec implements AttributeCodec {
    private final String name;

    /** @param name the spec codec's {@link AttributeCodec#name()} */
    SpecNamedCodec(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }
}
