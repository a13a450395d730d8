package org.nlwb.decoder.families;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/** Body layouts and attribute codecs the Java-written families share. */
final class Bodies {
    private Bodies() {
    }

    /**
     * The common rtnetlink-style body: a fixed header struct, alignment to 4 bytes, then attributes.
     *
     * <pre>
     *  | header (layout.size()) | pad to NLMSG_ALIGN | nlattr | nlattr | ... |
     * </pre>
     */
    static List<Node> headerThenAttributes(ByteView body, DecodeScope scope, StructLayout layout, AttributeSet set) {
        List<Node> out = new ArrayList<>();
        out.add(layout.node(layout.name(), body));
        int off = Math.min(body.length(), layout.size());
        int aligned = Math.min(body.length(), Netlink.align(off));
        if (aligned > off) {
            ByteView pad = body.slice(off, aligned - off);
            Node p = Node.padding(pad.base(), pad.length());
            out.add(pad.allZero() ? p : p.withStatus(Status.PADDING, "padding bytes are not zero: " + pad.hex()));
        }
        if (aligned < body.length()) {
            out.addAll(scope.walk(body.from(aligned), set));
        }
        return out;
    }

    /** Text over the whole body (audit records): one leaf. */
    static Node text(String name, ByteView body) {
        Decoded d = Values.string(body, false);
        return new Node(name, null, body.base(), body.length(), d.value(), d.display(), d.status(), d.note(), List.of());
    }

    /** An attribute whose payload is a struct. */
    record StructAttr(String name, StructLayout layout) implements AttributeCodec {
        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            return layout.decode(payload);
        }
    }

    /** An integer attribute of flag bits. */
    record FlagsAttr(String name, ValueType type, IntFunction<String> bits) implements AttributeCodec {
        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            Decoded d = Values.decode(type, payload, netByteOrder);
            return d.value() instanceof Long v && d.status() == Status.OK ? Values.flagsValue(v, bits) : d;
        }
    }

    /** An attribute holding {@code type[]}: each element a leaf {@code name[i]}. */
    record ArrayAttr(String name, ValueType type, LongFunction<String> elementNames) implements AttributeCodec {
        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            int each = type.size();
            if (payload.length() % each != 0 || payload.isEmpty()) {
                return Values.decode(ValueType.BINARY, payload, false)
                        .withStatus(payload.isEmpty() ? Status.OK : Status.MALFORMED,
                                payload.isEmpty() ? null : "not a whole number of " + each + "-byte elements");
            }
            List<Node> kids = new ArrayList<>();
            for (int i = 0; i * each < payload.length(); i++) {
                ByteView e = payload.slice(i * each, each);
                Decoded d = Values.decode(type, e, netByteOrder);
                String n = elementNames == null ? null : elementNames.apply(i);
                kids.add(Node.leaf(n != null ? n : "[" + i + "]", e.base(), each, d.value(), d.display()));
            }
            return Decoded.container(kids.size() + " × " + type.label(), kids);
        }
    }
}
