package org.nlwb.decoder.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.registry.AttributeCodecFactory;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.EnumDef;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.StructDef;

/**
 * The codecs of one family: its attribute sets as {@link AttributeSet}s for the decoder (made once,
 * shared by every message, plugin codecs put in place of the spec's where given), its structs, and
 * its attributes as {@link Field}s with their editor hints and validation. Thread-safe; immutable
 * apart from the cache.
 *
 * <h2>For editors</h2>
 * An editor of a request walks the spec through hints and never needs a type switch of its own:
 * <pre>{@code
 * FamilyCodecs codecs = new FamilyCodecs(family);
 * OpSpec op = encoder.operation(family, "newlink", false);
 * Map<String, EditorHint> header = codecs.memberHints(op.fixedHeader());   // ifinfomsg's members
 * for (Field f : codecs.fields(op.attributeSet())) {                      // op.attributeLists() says which the form lists
 *     EditorHint h = f.editorHint();       // NEST: codecs.fields(h.attributeSet()); ARRAY: h.item();
 *                                          // SUB_MESSAGE: h.subMessage().formats().get(selector value);
 *                                          // STRUCT: codecs.memberHints(h.struct())
 *     Optional<Problem> p = f.validate(value, "linkinfo.data", List.of(linkinfoObject, requestObject));
 * }
 * }</pre>
 * Validation texts and paths are those {@code nlwb send} prints; {@code MessageEncoder.encode} is the
 * final word on a whole request.
 */
public final class FamilyCodecs {
    private final Family family;
    private final Map<String, AttributeCodecFactory> overrides;
    private final Map<String, AttributeSet> sets = new ConcurrentHashMap<>();
    private final Map<String, EnumNames> enumNames = new ConcurrentHashMap<>();
    private final StructCodec structs;

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
        this.structs = new StructCodec(this);
    }

    public Family family() {
        return family;
    }

    StructCodec structs() {
        return structs;
    }

    /**
     * {@code def} read for decoding (null for null), made once for each of the family's own
     * definitions; another definition of the same name is read each time and not kept.
     */
    EnumNames enumNames(EnumDef def) {
        if (def == null) {
            return null;
        }
        EnumNames n = enumNames.get(def.name());
        if (n != null && n.def() == def) {
            return n;
        }
        n = new EnumNames(def);
        if (family.enums().get(def.name()) == def) {
            enumNames.put(def.name(), n);
        }
        return n;
    }

    /** The attribute set {@code name} for decoding; a set the spec does not define decodes everything by guessing. */
    public AttributeSet set(String name) {
        if (name == null) {
            return AttributeSet.unknown("attrs");
        }
        return sets.computeIfAbsent(name, n -> {
            AttrSetSpec spec = family.attributeSets().get(n);
            return spec == null ? AttributeSet.unknown(n) : new SpecSet(spec);
        });
    }

    /**
     * Whether attribute {@code attrName} (spec spelling) of set {@code setName} is decoded by a
     * plugin's codec instead of its spec's: what such a codec makes of it the spec cannot say.
     */
    public boolean overridden(String setName, String attrName) {
        return overrides.containsKey(Registry.attributeKey(family.name(), setName, attrName));
    }

    /** A fixed header: a node named after the struct covering {@code p} (at most the struct's size). */
    public Node structNode(StructDef s, ByteView p) {
        return structs.node(s, p);
    }

    // ---------------------------------------------------------------- for editors

    /** Attribute {@code attrName} (spec spelling) of set {@code setName}, or null when the spec has no such thing. */
    public Field field(String setName, String attrName) {
        AttrSetSpec set = family.attributeSets().get(setName);
        AttrSpec a = set == null ? null : set.byName(attrName);
        return a == null ? null : new Field(this, set, a);
    }

    /** Every attribute of set {@code setName} in spec order; empty when the spec has no such set. */
    public List<Field> fields(String setName) {
        AttrSetSpec set = family.attributeSets().get(setName);
        List<Field> out = new ArrayList<>();
        if (set != null) {
            set.attributes().forEach(a -> out.add(new Field(this, set, a)));
        }
        return out;
    }

    /**
     * The editor hints of the members of struct {@code structName} (a fixed header, a struct
     * attribute) by member name in order, pad members left out; empty when there is no such struct.
     */
    public Map<String, EditorHint> memberHints(String structName) {
        StructDef s = family.structs().get(structName);
        return s == null ? Map.of() : structs.memberHints(s);
    }

    /**
     * The problem encoding {@code v} as member {@code member} of struct {@code structName} would
     * report, or empty when it encodes (an unknown struct or member is a problem too).
     */
    public Optional<Problem> validateMember(String structName, String member, JsonNode v, String path) {
        StructDef s = family.structs().get(structName);
        if (s == null) {
            return Optional.of(new Problem(path, "the spec has no struct '" + structName + "'"));
        }
        return structs.validateMember(s, member, v, path);
    }

    // ---------------------------------------------------------------- decoding

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

    /**
     * An attribute set backed by the spec: one codec per attribute, made on its first use and kept
     * in an array by nla_type (a map keyed by boxed numbers cost a look-up and a box per attribute).
     * Two threads may both make a codec the first time; either one serves, as both are equal.
     */
    private final class SpecSet implements AttributeSet {
        private final AttrSetSpec spec;
        /** By nla_type up to the highest the spec defines: null not made yet, NONE none in the spec. */
        private final AttributeCodec[] codecs;

        SpecSet(AttrSetSpec spec) {
            this.spec = spec;
            int max = -1;
            for (AttrSpec a : spec.attributes()) {
                max = Math.max(max, a.value());
            }
            this.codecs = new AttributeCodec[max + 1];
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
            if (type < 0 || type >= codecs.length) {
                return null; // above every number the spec defines
            }
            AttributeCodec c = codecs[type];
            if (c == null) {
                AttrSpec a = spec.byValue(type);
                c = a == null ? NONE : withOverride(new SpecCodec(new Field(FamilyCodecs.this, spec, a)), a);
                codecs[type] = c;
            }
            return c == NONE ? null : c;
        }
    }

    /**
     * The decoder's view of a {@link Field}: named by its kernel constant, decoded by its type's
     * codec, bound to the field on the first decode ({@link BoundDecoder}).
     */
    private static final class SpecCodec implements AttributeCodec {
        private final Field field;
        /** Made on the first decode; a race makes two equal ones, either serves. */
        private BoundDecoder bound;

        SpecCodec(Field field) {
            this.field = field;
        }

        @Override
        public String name() {
            return field.spec().kernelName();
        }

        @Override
        public Decoded decode(ByteView p, boolean netByteOrder, DecodeScope scope) {
            BoundDecoder b = bound;
            if (b == null) {
                bound = b = BoundDecoder.of(field);
            }
            return b.decode(p, netByteOrder, scope);
        }
    }

    /** The items of indexed array {@code array}: their types are indexes, their payload is the sub-type. */
    AttributeSet indexedItems(Field array) {
        return new AttributeSet() {
            @Override
            public String name() {
                return array.spec().kernelName();
            }

            @Override
            public AttributeCodec codec(int type) {
                return new SpecCodec(array.item(type));
            }
        };
    }

    /** The items of level {@code level} of a nest-type-value: each item's type is a value ({@code type-value} names it). */
    AttributeSet typeValueItems(Field f, int level) {
        AttrSpec a = f.spec();
        return new AttributeSet() {
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
                        AttributeSet inner = deeper ? typeValueItems(f, level + 1) : set(a.nested());
                        return Decoded.container(payload.length() + " bytes", scope.walk(payload, inner));
                    }
                };
            }
        };
    }
}
