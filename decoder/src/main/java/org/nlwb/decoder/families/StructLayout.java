package org.nlwb.decoder.families;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.ValueType;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * A fixed C struct written out field by field, in wire order, with no implicit alignment (C
 * padding is spelled out as a field): {@code inet_diag_msg}, {@code cn_msg}, the libudev header.
 * Each field becomes one node named by its C member name, so the tree reads like the header file.
 *
 * <p>Contract of {@link #fields}: never reads past the view, returns nodes that tile exactly
 * {@code min(size(), view.length())} bytes from the start of the view. A field cut short by the
 * end of the view becomes a {@code malformed} leaf over what is there; fields wholly past the end
 * are absent (the struct is shorter than this layout: an older kernel's version of it).
 */
public final class StructLayout {
    private final String name;
    private final List<Field> fields;
    private final int size;

    private record Field(String name, int size, Function<ByteView, Decoded> reader, StructLayout nested, boolean padding) {
    }

    private StructLayout(String name, List<Field> fields) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.size = fields.stream().mapToInt(Field::size).sum();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The C struct name, e.g. {@code inet_diag_msg}. */
    public String name() {
        return name;
    }

    /** Bytes the struct takes ({@code sizeof}). */
    public int size() {
        return size;
    }

    /** Field nodes tiling {@code [0, min(size, v.length()))} of {@code v}. */
    public List<Node> fields(ByteView v) {
        List<Node> out = new ArrayList<>(fields.size());
        int off = 0;
        for (Field f : fields) {
            int left = v.length() - off;
            if (left <= 0) {
                break;
            }
            if (left < f.size) {
                ByteView part = v.slice(off, left);
                out.add(new Node(f.name, null, part.base(), left, part.hex(), Values.spacedHex(part, 32),
                        Status.MALFORMED, f.name + " needs " + f.size + " bytes, only " + left + " left in " + name,
                        List.of()));
                return out;
            }
            ByteView fv = v.slice(off, f.size);
            if (f.padding) {
                Node p = Node.padding(fv.base(), f.size).withName(f.name);
                out.add(fv.allZero() ? p : p.withStatus(Status.PADDING, "padding bytes are not zero: " + fv.hex()));
            } else if (f.nested != null) {
                out.add(new Node(f.name, null, fv.base(), f.size, null, f.nested.name, Status.OK, null,
                        f.nested.fields(fv)));
            } else {
                Decoded d = f.reader.apply(fv);
                out.add(new Node(f.name, null, fv.base(), f.size, d.value(), d.display(), d.status(), d.note(),
                        d.children()));
            }
            off += f.size;
        }
        return out;
    }

    /**
     * The struct as one node named {@code nodeName} over {@code [0, min(size, v.length()))}; a view
     * shorter than the struct makes it {@code malformed} (a fixed header must be whole).
     */
    public Node node(String nodeName, ByteView v) {
        int len = Math.min(size, v.length());
        Node n = new Node(nodeName, null, v.base(), len, null, name, Status.OK, null, fields(v.slice(0, len)));
        return len < size ? n.withStatus(Status.MALFORMED, name + " needs " + size + " bytes, the message has " + len) : n;
    }

    /**
     * The struct as an attribute payload: fields, then the bytes past the struct (a newer kernel's
     * longer version) as an {@code unknown} leaf. A shorter payload that ends on a field boundary
     * is an older version and fine; one that cuts a field is malformed.
     */
    public Decoded decode(ByteView payload) {
        List<Node> kids = new ArrayList<>(fields(payload));
        Status status = Status.OK;
        String note = null;
        if (payload.length() > size) {
            ByteView rest = payload.from(size);
            kids.add(new Node("unknown", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 32),
                    Status.UNKNOWN, (payload.length() - size) + " bytes past the end of " + name + " as this kernel's headers define it",
                    List.of()));
        } else if (!kids.isEmpty() && kids.get(kids.size() - 1).status() == Status.MALFORMED) {
            status = Status.MALFORMED;
            note = name + " is " + size + " bytes; the payload (" + payload.length() + ") cuts a field short";
        }
        if (payload.isEmpty()) {
            return new Decoded(null, "(empty)", List.of(), Status.MALFORMED, name + " needs " + size + " bytes, payload is empty");
        }
        return new Decoded(null, name, kids, status, note);
    }

    public static final class Builder {
        private final String name;
        private final List<Field> fields = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** A scalar member. */
        public Builder field(String member, ValueType type) {
            return custom(member, type.size(), v -> Values.decode(type, v, false));
        }

        /** An integer member whose values have names. */
        public Builder enumField(String member, ValueType type, LongFunction<String> names) {
            return custom(member, type.size(), v -> {
                Decoded d = Values.decode(type, v, false);
                return d.value() instanceof Long l ? Values.enumValue(l, names) : d;
            });
        }

        /** An integer member of flag bits. */
        public Builder flags(String member, ValueType type, IntFunction<String> bitNames) {
            return custom(member, type.size(), v -> {
                Decoded d = Values.decode(type, v, false);
                return d.value() instanceof Long l ? Values.flagsValue(l, bitNames) : d;
            });
        }

        /** {@code type member[count]}: one leaf, value a list shown as {@code [a, b]} (the hex is kept). */
        public Builder array(String member, ValueType type, int count) {
            int each = type.size();
            return custom(member, each * count, v -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < count; i++) {
                    Decoded d = Values.decode(type, v.slice(i * each, each), false);
                    sb.append(i == 0 ? "" : ", ").append(d.display());
                }
                return Decoded.of(v.hex(), sb.append(']').toString());
            });
        }

        /** A fixed char array holding NUL-padded text. */
        public Builder text(String member, int size) {
            return custom(member, size, v -> Values.string(v, false));
        }

        /** Raw bytes (reserved members, opaque arrays). */
        public Builder bytes(String member, int size) {
            return custom(member, size, Values::binary);
        }

        /** Explicit C padding. */
        public Builder pad(String member, int size) {
            fields.add(new Field(member, size, null, null, true));
            return this;
        }

        /** A member decoded by {@code reader} from exactly {@code size} bytes. */
        public Builder custom(String member, int size, Function<ByteView, Decoded> reader) {
            if (size <= 0) {
                throw new IllegalArgumentException(member + ": a struct member needs a fixed positive size");
            }
            fields.add(new Field(Objects.requireNonNull(member), size, reader, null, false));
            return this;
        }

        /** An embedded struct. */
        public Builder struct(String member, StructLayout nested) {
            fields.add(new Field(member, nested.size(), null, nested, false));
            return this;
        }

        public StructLayout build() {
            return new StructLayout(name, fields);
        }
    }
}
