package org.nlwb.decoder.decode;

/** A named set of attributes (a YNL attribute-set, a nest's contents). */
public interface AttributeSet {

    /** For notes and {@code spec show}: {@code link-attrs}. */
    String name();

    /** The codec for attribute type {@code type} (flag bits already removed), or null when unknown. */
    AttributeCodec codec(int type);

    /** A set that knows no attribute: everything in it is decoded by guessing. */
    static AttributeSet unknown(String name) {
        return new AttributeSet() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AttributeCodec codec(int type) {
                return null;
            }
        };
    }
}
