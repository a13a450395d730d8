package org.nlwb.decoder.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.decode.AttributeWalker;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.registry.MessageFixer;
import org.nlwb.decoder.spec.SpecMessageClass;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.EnumDef;
import org.nlwb.decoder.ynl.OpMatch;
import org.nlwb.decoder.ynl.StructDef;
import org.nlwb.decoder.ynl.SubMessageSpec;

/**
 * Finds a field in a message of a YNL family by walking its attribute TLVs along the spec, without
 * building the tree: attributes that cannot hold the field are stepped over by their nla_len, a
 * plain nest that may is walked into, and the field's own attribute is decoded alone with its
 * codec (the same walker and codec as the full decode, so value and display are the same). The
 * fixed header is decoded only when it has a member of that name.
 *
 * <p>{@link #find} answers null whenever the walk would differ from the tree: an attribute the
 * spec cannot explain ({@link FieldReach.Way#FULL}), an nla_len that runs past its parent (the
 * decoder names the truncated attribute), nesting deeper than a plain walk should go.
 */
final class AttributeProbe {
    /** Deeper than this the walk leaves it to the decoder (whose depth limit then matters). */
    private static final int MAX_DEPTH = 16;

    private final MessageHead head;
    private final SpecMessageClass cls;
    private final FamilyCodecs codecs;
    private final FieldReach reach;
    private final List<MessageFixer> fixers;
    private final List<FieldValue> found = new ArrayList<>(2);

    private AttributeProbe(MessageHead head, SpecMessageClass cls, FieldReach reach, List<MessageFixer> fixers) {
        this.head = head;
        this.cls = cls;
        this.codecs = cls.codecs();
        this.reach = reach;
        this.fixers = fixers;
    }

    /**
     * Every occurrence of {@code reach}'s field in the message {@code head} (whose class is
     * {@code cls}), or null when only the full decode can say.
     *
     * @param fixers the protocol's fixers, all built-in ({@link MessageHead#builtinFixers})
     */
    static List<FieldValue> find(MessageHead head, SpecMessageClass cls, FieldReach reach, List<MessageFixer> fixers) {
        return new AttributeProbe(head, cls, reach, fixers).find();
    }

    private List<FieldValue> find() {
        if (reach.field().equals(head.typeName())) {
            found.add(FieldValue.of(null, head.typeName())); // the root is named after the type
        }
        ByteView rest = head.body();
        OpMatch m;
        if (cls.family().schema().isGeneric()) {
            if (rest.length() < SpecMessageClass.GENL_HDRLEN) {
                return found;
            }
            m = cls.match(head.context(), rest.u8(0));
            rest = rest.from(SpecMessageClass.GENL_HDRLEN);
        } else {
            m = cls.match(head.context(), head.header().type());
        }
        if (m == null || rest.isEmpty()) {
            return found; // the body is one payload node
        }
        String header = m.op().fixedHeader();
        if (header != null) {
            StructDef s = cls.family().structs().get(header);
            if (s == null) {
                return null;
            }
            int n = Math.min(rest.length(), s.size());
            if (reach.structHolds(header) && !fixedHeader(s, rest.slice(0, n), m)) {
                return null;
            }
            rest = rest.from(n);
        }
        return rest.isEmpty() || walk(rest, m.op().attributeSet(), 1, null) ? found : null;
    }

    /** Adds the fixed header's nodes of the field's name, as the built-in fixers leave them; false when unsure. */
    private boolean fixedHeader(StructDef s, ByteView bytes, OpMatch m) {
        Node h = codecs.structNode(s, bytes);
        if (m.note() != null && h.status() == Status.OK) {
            h = h.withStatus(Status.OK, m.note());
        }
        Node root = new Node(head.typeName(), head.header().type(), 0, head.ref().length(), null, head.typeName(),
                Status.OK, null, List.of(h));
        for (MessageFixer f : fixers) {
            try {
                Node fixed = f.fix(head.context(), root);
                if (fixed == null) {
                    return false;
                }
                root = fixed;
            } catch (RuntimeException e) {
                return false;
            }
        }
        for (Node c : root.children()) {
            collect(c);
        }
        return true;
    }

    /**
     * The values a walked level decoded that a sub-message's selector may look up, as the
     * decoder's scope keeps them: by attribute name, in order, the nearest level first.
     */
    private static final class Level {
        final Level parent;
        private final List<String> names = new ArrayList<>(2);
        private final List<Object> values = new ArrayList<>(2);

        Level(Level parent) {
            this.parent = parent;
        }

        void remember(String name, Object value) {
            names.add(name);
            values.add(value);
        }

        Object lookup(String name) {
            for (Level l = this; l != null; l = l.parent) {
                for (int i = l.names.size() - 1; i >= 0; i--) {
                    if (l.names.get(i).equals(name)) {
                        return l.values.get(i);
                    }
                }
            }
            return null;
        }
    }

    /** Walks the attributes of {@code region} (set {@code setName}); false when only a decode can say. */
    private boolean walk(ByteView region, String setName, int depth, Level parent) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        Level level = new Level(parent);
        AttributeCursor c = new AttributeCursor(region);
        while (c.next()) {
            FieldReach.Step s = reach.step(setName, c.type());
            Node decoded = null;
            if (s.way() == FieldReach.Way.TARGET || s.selector()) {
                decoded = alone(c, setName);
                if (decoded.value() != null) {
                    level.remember(decoded.name(), decoded.value());
                }
            }
            switch (s.way()) {
                case NONE -> {
                }
                case TARGET -> collect(decoded);
                case NEST -> {
                    if (!walk(c.payload(), s.nested(), depth + 1, level)) {
                        return false;
                    }
                }
                case SUB -> {
                    if (!subMessage(c.payload(), s, depth, level)) {
                        return false;
                    }
                }
                default -> {
                    return false;
                }
            }
        }
        return c.stop() != AttributeCursor.Stop.LENGTH_PAST_REGION
                || reach.step(setName, c.type()).way() == FieldReach.Way.NONE;
    }

    /** The attribute at the cursor decoded alone, by the walker and codec the full decode uses. */
    private Node alone(AttributeCursor c, String setName) {
        return AttributeWalker.walk(c.attribute(), codecs.set(setName), head.context().conversation()).get(0);
    }

    /**
     * A sub-message's payload: the format its selector's value names (as its codec picks it),
     * walked when it has attributes; false when only a decode can say.
     */
    private boolean subMessage(ByteView payload, FieldReach.Step s, int depth, Level level) {
        AttrSpec selector = null;
        Object sel = null;
        for (AttrSpec candidate : s.candidates()) {
            sel = level.lookup(candidate.kernelName());
            if (sel != null) {
                selector = candidate;
                break;
            }
        }
        SubMessageSpec sm = cls.family().subMessages().get(s.attr().subMessage());
        if (sel == null) {
            return true; // shown as bytes
        }
        SubMessageSpec.Format fmt = sm.formats().get(sel.toString());
        EnumDef names = selector.enumName() == null ? null : cls.family().enums().get(selector.enumName());
        if (fmt == null && sel instanceof Long v && names != null) {
            for (Map.Entry<String, Long> e : names.entries().entrySet()) {
                if (e.getValue() == v.longValue()) {
                    fmt = sm.formats().get(e.getKey());
                }
            }
        }
        if (fmt == null) {
            return true; // no format: shown as bytes
        }
        ByteView rest = payload;
        if (fmt.fixedHeader() != null) {
            StructDef h = cls.family().structs().get(fmt.fixedHeader());
            if (h == null || reach.structHolds(fmt.fixedHeader())) {
                return false;
            }
            rest = rest.from(Math.min(rest.length(), h.size()));
        }
        // the codec walks in the scope of the level that holds the sub-message
        return rest.isEmpty() || fmt.attributeSet() == null || walk(rest, fmt.attributeSet(), depth + 1, level);
    }

    /**
     * Whether a top-level node of {@code cls}' message may be named {@code name}: its fixed header's
     * struct node, or an attribute whose codec says that name (a plugin's codec names itself).
     * For the pseudo-field {@code error}, which is the root's child of that name.
     */
    static boolean topLevelMayBe(MessageHead head, SpecMessageClass cls, String name) {
        ByteView rest = head.body();
        OpMatch m;
        if (cls.family().schema().isGeneric()) {
            if (rest.length() < SpecMessageClass.GENL_HDRLEN) {
                return false;
            }
            m = cls.match(head.context(), rest.u8(0));
            rest = rest.from(SpecMessageClass.GENL_HDRLEN);
        } else {
            m = cls.match(head.context(), head.header().type());
        }
        if (m == null || rest.isEmpty()) {
            return false;
        }
        String header = m.op().fixedHeader();
        if (header != null) {
            StructDef s = cls.family().structs().get(header);
            if (s == null || StructDef.cName(s.name()).equals(name) || s.name().equals(name)) {
                return true;
            }
            rest = rest.from(Math.min(rest.length(), s.size()));
        }
        org.nlwb.decoder.decode.AttributeSet set = cls.codecs().set(m.op().attributeSet());
        AttributeCursor c = new AttributeCursor(rest);
        while (c.next() || c.stop() == AttributeCursor.Stop.LENGTH_PAST_REGION) {
            org.nlwb.decoder.decode.AttributeCodec codec = set.codec(c.type());
            if (codec != null && name.equals(codec.name())) {
                return true;
            }
            if (c.stop() == AttributeCursor.Stop.LENGTH_PAST_REGION) {
                break;
            }
        }
        return false;
    }

    private void collect(Node n) {
        n.walk(x -> {
            if (x.name().equals(reach.field())) {
                found.add(FieldValue.of(x));
            }
        });
    }
}
