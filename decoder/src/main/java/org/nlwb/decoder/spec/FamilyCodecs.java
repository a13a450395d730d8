package org.nlwb.decoder.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.registry.AttributeCodecFactory;
import org.nlwb.decoder.registry.Registry;
import java.util.concurrent.ConcurrentHashMap;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The decoders of one family: its attribute sets as {@link AttributeSet}s (made once, shared by
 * every message) and its structs as node lists. Thread-safe; immutable apart from the cache.
 */
public final class FamilyCodecs {
    private final Family family;
    private final Map<String, AttributeCodecFactory> overrides;
    private final Map<String, AttributeSet> sets = new ConcurrentHashMap<>();

    public FamilyCodecs(Family family) {
        this(family, Map.of());
    }

    /**
     * @param overrides plugin codecs that replace the spec's for some attributes, keyed by
     *                  {@link Registry#attributeKey}
     */
    public FamilyCodecs(Family family, Map<String, AttributeCodecFactory> overrides) {
        this.family = family;
        this.overrides = Map.copyOf(overrides);
    }

    public Family family() {
        return family;
    }

    /** The attribute set {@code name}; a set the spec does not define decodes everything by guessing. */
    public AttributeSet set(String name) {
        if (name == null) {
            return AttributeSet.unknown("attrs");
        }
        return sets.computeIfAbsent(name, n -> {
            AttrSetSpec spec = family.attributeSets().get(n);
            return spec == null ? AttributeSet.unknown(n) : new SpecSet(spec);
        });
    }

    /** Remembers in a codec cache that a type has no attribute in the spec. */
    private static final AttributeCodec NONE = new AttributeCodec() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            throw new IllegalStateException("never decodes");
        }
    };

    /** An attribute set backed by the spec: one codec per attribute, made once. */
    private final class SpecSet implements AttributeSet {
        private final AttrSetSpec spec;
        private final Map<Integer, AttributeCodec> codecs = new ConcurrentHashMap<>();

        SpecSet(AttrSetSpec spec) {
            this.spec = spec;
        }

        @Override
        public String name() {
            return spec.name();
        }

        private AttributeCodec withOverride(AttributeCodec specCodec, AttrSpec a) {
            AttributeCodecFactory f = overrides.get(Registry.attributeKey(family.name(), spec.name(), a.name()));
            return f == null ? specCodec : f.create(specCodec, FamilyCodecs.this::set);
        }

        @Override
        public AttributeCodec codec(int type) {
            AttributeCodec c = codecs.get(type);
            if (c == null) {
                AttrSpec a = spec.byValue(type);
                c = a == null ? NONE : withOverride(new SpecCodec(a, spec), a);
                codecs.put(type, c);
            }
            return c == NONE ? null : c;
        }
    }

    /** Decodes one attribute by its spec. */
    private final class SpecCodec implements AttributeCodec {
        private final AttrSpec a;
        private final AttrSetSpec owner;

        SpecCodec(AttrSpec a, AttrSetSpec owner) {
            this.a = a;
            this.owner = owner;
        }

        @Override
        public String name() {
            return a.kernelName();
        }

        @Override
        public Decoded decode(ByteView p, boolean netByteOrder, DecodeScope scope) {
            return value(a.type(), a.subType(), p, netByteOrder, scope);
        }

        private Decoded value(String type, String subType, ByteView p, boolean netOrder, DecodeScope scope) {
            EnumDef names = a.enumName() == null ? null : family.enums().get(a.enumName());
            switch (type) {
                case "flag" -> {
                    if (p.isEmpty()) {
                        return Decoded.of(Boolean.TRUE, "true");
                    }
                    // the kernel fills some flags as a u8 (IFLA_VXLAN_TTL_INHERIT in its replies)
                    return ScalarFormat.isWholeScalar(p.length()) && p.length() < 8
                            ? ScalarFormat.integer("u" + p.length() * 8, p, netOrder, null, false, null)
                                    .withStatus(Status.OK, ScalarFormat.sizeDiffers("flag", p.length()))
                            : Decoded.malformed(p.hex(), Values.spacedHex(p, 64), "a flag has no payload, this one has "
                            + p.length() + " bytes");
                }
                case "string" -> {
                    return Values.string(p, false);
                }
                case "bitfield32" -> {
                    if (p.length() != 8) {
                        return Decoded.malformed(p.hex(), Values.spacedHex(p, 64), "bitfield32 needs 8 bytes, payload has " + p.length());
                    }
                    long value = p.u32le(0);
                    long selector = p.u32le(4);
                    String v = names == null ? "0x" + Long.toHexString(value) : Values.flagsValue(value, names::nameOf).display();
                    String s = names == null ? "0x" + Long.toHexString(selector) : Values.flagsValue(selector, names::nameOf).display();
                    return Decoded.container("value " + v + " selector " + s, List.of(
                            Node.leaf("value", p.base(), 4, value, v), Node.leaf("selector", p.base() + 4, 4, selector, s)));
                }
                case "nest" -> {
                    return Decoded.container(p.length() + " bytes", scope.walk(p, set(a.nested())));
                }
                case "indexed-array" -> {
                    return Decoded.container(p.length() + " bytes", scope.walk(p, new IndexedItems(a, subType, owner)));
                }
                case "nest-type-value" -> {
                    return Decoded.container(p.length() + " bytes", scope.walk(p, new TypeValueItems(a, 1)));
                }
                case "sub-message" -> {
                    return subMessage(p, scope);
                }
                case "binary" -> {
                    if (a.struct() != null && family.structs().containsKey(a.struct())) {
                        return structValue(family.structs().get(a.struct()), p);
                    }
                    if (subType != null && ScalarFormat.isInteger(subType)) {
                        return scalarArray(subType, p, netOrder, names);
                    }
                    return ScalarFormat.binary(p, a.displayHint());
                }
                case "pad", "unused" -> {
                    return Values.binary(p);
                }
                default -> {
                    if (ScalarFormat.isInteger(type)) {
                        return ScalarFormat.integer(type, p, a.bigEndian() || netOrder, names, a.asFlags(), a.displayHint());
                    }
                    return Values.binary(p);
                }
            }
        }

        private Decoded scalarArray(String subType, ByteView p, boolean netOrder, EnumDef names) {
            int size = SchemaLevel.SCALAR_SIZES.getOrDefault(subType, 4);
            List<Node> kids = new ArrayList<>();
            int off = 0;
            int i = 0;
            while (p.length() - off >= size) {
                ByteView item = p.slice(off, size);
                Decoded d = ScalarFormat.integer(subType, item, a.bigEndian() || netOrder, names, a.asFlags(), a.displayHint());
                kids.add(new Node("[" + i + "]", null, item.base(), size, d.value(), d.display(), d.status(), d.note(), List.of()));
                off += size;
                i++;
            }
            if (off < p.length()) {
                ByteView rest = p.from(off);
                kids.add(new Node("malformed", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 32),
                        Status.MALFORMED, rest.length() + " bytes left: not a whole " + subType, List.of()));
            }
            return Decoded.container(i + " × " + subType, kids);
        }

        /**
         * {@code IFLA_INFO_DATA}: the layout named by the selector's value, found in this or an
         * enclosing nest (the nearest wins). An integer selector with an enum (nftables' object
         * type) names its format by the enum entry.
         */
        private Decoded subMessage(ByteView p, DecodeScope scope) {
            SubMessageSpec sm = family.subMessages().get(a.subMessage());
            AttrSpec selector = null;
            Object sel = null;
            for (AttrSpec candidate : selectorCandidates()) {
                sel = scope.lookup(candidate.kernelName());
                if (sel != null) {
                    selector = candidate;
                    break;
                }
            }
            if (sm == null || sel == null) {
                Decoded b = Values.binary(p);
                return b.withStatus(Status.UNKNOWN, "sub-message " + a.subMessage() + ": selector " + a.selector()
                        + " not found before this attribute");
            }
            SubMessageSpec.Format f = sm.formats().get(sel.toString());
            if (f == null && sel instanceof Long v && selector.enumName() != null && family.enums().containsKey(selector.enumName())) {
                for (var e : family.enums().get(selector.enumName()).entries().entrySet()) {
                    if (e.getValue() == v.longValue()) {
                        f = sm.formats().get(e.getKey());
                    }
                }
            }
            if (f == null) {
                Decoded b = Values.binary(p);
                return b.withStatus(Status.UNKNOWN, "sub-message " + a.subMessage() + " has no format for "
                        + selector.kernelName() + " = " + sel);
            }
            List<Node> kids = new ArrayList<>();
            int off = 0;
            if (f.fixedHeader() != null) {
                StructDef s = family.structs().get(f.fixedHeader());
                off = Math.min(p.length(), s.size());
                kids.add(structNode(s, p.slice(0, off)));
            }
            ByteView rest = p.from(off);
            if (!rest.isEmpty()) {
                if (f.attributeSet() != null) {
                    kids.addAll(scope.walk(rest, set(f.attributeSet())));
                } else {
                    kids.add(new Node("payload", null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 64),
                            Status.UNKNOWN, "format " + f.value() + " of " + sm.name() + " names no attributes", List.of()));
                }
            }
            if (kids.isEmpty()) {
                return Decoded.of(f.value(), "(empty " + f.value() + ")");
            }
            return Decoded.container(f.value() + " (" + p.length() + " bytes)", kids);
        }

        /**
         * The attributes the selector may be: the one in this attribute's own set first, then any
         * set's attribute of that name (a selector outside the set lives in an enclosing nest).
         */
        private List<AttrSpec> selectorCandidates() {
            List<AttrSpec> out = new ArrayList<>();
            AttrSpec own = owner.byName(a.selector());
            if (own != null) {
                out.add(own);
            }
            for (AttrSetSpec other : family.attributeSets().values()) {
                AttrSpec s = other.byName(a.selector());
                if (s != null && out.stream().noneMatch(x -> x.kernelName().equals(s.kernelName()))) {
                    out.add(s);
                }
            }
            return out;
        }
    }

    /** The items of an indexed array: their types are indexes, their payload is the sub-type. */
    private final class IndexedItems implements AttributeSet {
        private final AttrSpec a;
        private final String subType;
        private final AttrSetSpec owner;

        IndexedItems(AttrSpec a, String subType, AttrSetSpec owner) {
            this.a = a;
            this.subType = subType;
            this.owner = owner;
        }

        @Override
        public String name() {
            return a.kernelName();
        }

        @Override
        public AttributeCodec codec(int type) {
            String itemName = "[" + type + "]";
            String st = subType == null ? "nest" : subType;
            AttrSpec item = new AttrSpec(a.name(), itemName, type, st, a.bigEndian(), false, a.nested(), a.enumName(),
                    a.asFlags(), a.displayHint(), a.struct(), null, null, null, List.of(), null);
            return new SpecCodec(item, owner);
        }
    }

    /** The items of a nest-type-value: each item's type is a value ({@code type-value} names it). */
    private final class TypeValueItems implements AttributeSet {
        private final AttrSpec a;
        private final int level;

        TypeValueItems(AttrSpec a, int level) {
            this.a = a;
            this.level = level;
        }

        @Override
        public String name() {
            return a.kernelName();
        }

        @Override
        public AttributeCodec codec(int type) {
            String label = a.typeValue().size() >= level ? a.typeValue().get(level - 1) : "type";
            String itemName = "[" + label + " " + type + "]";
            boolean deeper = a.typeValue().size() > level;
            return new AttributeCodec() {
                @Override
                public String name() {
                    return itemName;
                }

                @Override
                public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
                    AttributeSet inner = deeper ? new TypeValueItems(a, level + 1) : set(a.nested());
                    return Decoded.container(payload.length() + " bytes", scope.walk(payload, inner));
                }
            };
        }
    }

    // ---------------------------------------------------------------- structs

    /**
     * A struct attribute: members tile the payload. A payload that stops after the last member
     * (a packed copy, without the tail padding) is whole; bytes past {@code sizeof} are shown as
     * unknown (a newer kernel's fields).
     */
    Decoded structValue(StructDef s, ByteView p) {
        List<Node> kids = new ArrayList<>(structMembers(s, p));
        int covered = Math.min(p.length(), s.size());
        if (p.length() > s.size()) {
            ByteView extra = p.from(s.size());
            kids.add(new Node("unknown", null, extra.base(), extra.length(), extra.hex(), Values.spacedHex(extra, 32),
                    Status.UNKNOWN, extra.length() + " bytes past struct " + s.name() + " (" + s.size()
                    + " bytes): a newer kernel's fields?", List.of()));
        }
        Decoded d = Decoded.container(s.name() + " (" + covered + " bytes)", kids);
        if (p.length() >= s.end()) {
            return d;
        }
        // a struct that grew between kernel versions (rtnl_link_stats64): an older kernel's copy
        // stops after a member; one cut inside a member is damaged
        String last = lastMemberEndingAt(s, p.length());
        return last != null ? d.withStatus(Status.OK, p.length() + " of " + s.end() + " bytes: struct " + s.name()
                + " ends after " + last + " here (the size differs from this spec's version: an older kernel's)")
                : d.withStatus(Status.MALFORMED, "struct " + s.name() + " needs " + s.end() + " bytes, payload has " + p.length());
    }

    /** The member (not padding) of {@code s} that ends exactly at {@code length}, or null. */
    private static String lastMemberEndingAt(StructDef s, int length) {
        for (StructDef.Member m : s.members()) {
            if (length > 0 && m.offset() + m.size() == length && !m.type().equals("pad")) {
                return cName(m.name());
            }
        }
        return null;
    }

    /** A node named after the struct covering {@code p} (at most the struct's size). */
    Node structNode(StructDef s, ByteView p) {
        List<Node> kids = structMembers(s, p);
        boolean short_ = p.length() < s.end();
        // old dump requests send only the family byte (struct rtgenmsg) where the spec has ifinfomsg
        String last = short_ ? lastMemberEndingAt(s, p.length()) : null;
        return new Node(cName(s.name()), null, p.base(), p.length(), null, s.name(),
                short_ && last == null ? Status.MALFORMED : Status.OK,
                !short_ ? null : last == null ? "struct " + s.name() + " needs " + s.size() + " bytes, only " + p.length() + " here"
                        : p.length() + " of " + s.size() + " bytes: struct " + s.name() + " ends after " + last
                        + " here (the size differs from this spec's version)", kids);
    }

    /**
     * The members of {@code s} over the start of {@code p} (up to {@code sizeof}), alignment holes
     * as padding; a member cut short becomes malformed.
     */
    List<Node> structMembers(StructDef s, ByteView p) {
        List<Node> out = new ArrayList<>();
        int off = 0;
        int limit = Math.min(p.length(), s.size());
        for (StructDef.Member m : s.members()) {
            if (m.offset() > off && off < limit) {
                int n = Math.min(m.offset(), limit) - off;
                out.add(hole(p.slice(off, n), s));
                off += n;
            }
            if (off >= limit) {
                break;
            }
            String name = cName(m.name());
            if (limit - off < m.size()) {
                ByteView rest = p.slice(off, limit - off);
                out.add(new Node(name, null, rest.base(), rest.length(), rest.hex(), Values.spacedHex(rest, 32),
                        Status.MALFORMED, m.name() + " needs " + m.size() + " bytes, only " + rest.length() + " left", List.of()));
                off = limit;
                break;
            }
            ByteView v = p.slice(off, m.size());
            off += m.size();
            if (m.size() == 0) {
                continue;
            }
            out.add(member(m, name, v));
        }
        if (off < limit) {
            out.add(hole(p.slice(off, limit - off), s));
        }
        return out;
    }

    private static Node hole(ByteView v, StructDef s) {
        Node pad = new Node("padding", null, v.base(), v.length(), null, v.length() + " byte" + (v.length() == 1 ? "" : "s"),
                Status.PADDING, "alignment of struct " + s.name(), List.of());
        return v.allZero() ? pad : pad.withStatus(Status.PADDING, "alignment bytes of struct " + s.name() + " are not zero: " + v.hex());
    }

    private Node member(StructDef.Member m, String name, ByteView v) {
        if (m.type().equals("pad")) {
            Node pad = Node.padding(v.base(), v.length());
            return v.allZero() ? pad : pad.withStatus(Status.PADDING, "pad bytes are not zero: " + v.hex());
        }
        if (m.struct() != null && family.structs().containsKey(m.struct())) {
            StructDef inner = family.structs().get(m.struct());
            List<Node> kids = new ArrayList<>(structMembers(inner, v));
            if (v.length() > inner.size()) {
                ByteView extra = v.from(inner.size());
                kids.add(new Node("unknown", null, extra.base(), extra.length(), extra.hex(), Values.spacedHex(extra, 32),
                        Status.UNKNOWN, "bytes past struct " + inner.name(), List.of()));
            }
            return new Node(name, null, v.base(), v.length(), null, inner.name(), Status.OK, null, kids);
        }
        Decoded d;
        if (ScalarFormat.isInteger(m.type())) {
            EnumDef names = m.enumName() == null ? null : family.enums().get(m.enumName());
            d = ScalarFormat.integer(m.type(), v, m.bigEndian(), names, m.asFlags(), m.displayHint());
        } else if (m.type().equals("string")) {
            d = Values.string(v, false);
        } else {
            d = ScalarFormat.binary(v, m.displayHint());
        }
        return new Node(name, null, v.base(), v.length(), d.value(), d.display(), d.status(), d.note(), List.of());
    }

    /** {@code ifi-family} → {@code ifi_family}: struct members are C fields. */
    static String cName(String specName) {
        return specName.replace('-', '_');
    }
}
