package org.nlwb.decoder.decode;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;
import org.nlwb.decoder.bytes.ByteView;

/**
 * An attribute set written out in Java: type → name and value type, nested set, or enum names.
 * For the handful of sets the core needs itself (ext-ACK, nlctrl) and for plugins; families
 * described by YNL specs get their sets from the spec loader instead.
 */
public final class SimpleAttributeSet implements AttributeSet {
    private final String name;
    private final Map<Integer, AttributeCodec> codecs;

    private SimpleAttributeSet(String name, Map<Integer, AttributeCodec> codecs) {
        this.name = name;
        this.codecs = Map.copyOf(codecs);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public AttributeCodec codec(int type) {
        return codecs.get(type);
    }

    /** An attribute decoded as a scalar of {@code type}. */
    public record Scalar(String name, ValueType type) implements AttributeCodec {
        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            return Values.decode(type, payload, netByteOrder);
        }
    }

    /** An integer attribute whose values have names. */
    public record Enumerated(String name, ValueType type, LongFunction<String> names) implements AttributeCodec {
        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            Decoded d = Values.decode(type, payload, netByteOrder);
            return d.value() instanceof Long v && d.status() == org.nlwb.decoder.tree.Status.OK
                    ? Values.enumValue(v, names) : d;
        }
    }

    /** An attribute whose payload is a stream of attributes of {@code set}. */
    public record Nested(String name, AttributeSet set) implements AttributeCodec {
        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            return Decoded.container(payload.length() + " bytes", scope.walk(payload, set));
        }
    }

    /** An attribute holding attributes of {@code set} one level down, each type being an index (NLA array). */
    public record IndexedArray(String name, AttributeSet set) implements AttributeCodec {
        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            AttributeSet items = new AttributeSet() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public AttributeCodec codec(int type) {
                    return new Nested(name + "[" + type + "]", set);
                }
            };
            return Decoded.container(payload.length() + " bytes", scope.walk(payload, items));
        }
    }

    public static final class Builder {
        private final String name;
        private final Map<Integer, AttributeCodec> codecs = new HashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder add(int type, AttributeCodec codec) {
            codecs.put(type, codec);
            return this;
        }

        public Builder scalar(int type, String attrName, ValueType valueType) {
            return add(type, new Scalar(attrName, valueType));
        }

        public Builder nested(int type, String attrName, AttributeSet set) {
            return add(type, new Nested(attrName, set));
        }

        public SimpleAttributeSet build() {
            return new SimpleAttributeSet(name, codecs);
        }
    }
}
