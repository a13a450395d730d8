package org.nlwb.decoder.filter;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.decode.AttributeWalker;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.registry.MessageFixer;
import org.nlwb.decoder.spec.SpecMessageClass;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.ynl.OpMatch;
import org.nlwb.decoder.ynl.StructDef;

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
        return rest.isEmpty() || walk(rest, m.op().attributeSet(), 1) ? found : null;
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

    /** Walks the attributes of {@code region} (set {@code setName}); false when only a decode can say. */
    private boolean walk(ByteView region, String setName, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        AttributeCursor c = new AttributeCursor(region);
        while (c.next()) {
            FieldReach.Step s = reach.step(setName, c.type());
            switch (s.way()) {
                case NONE -> {
                }
                case TARGET -> {
                    for (Node n : AttributeWalker.walk(c.attribute(), codecs.set(setName), head.context().conversation())) {
                        collect(n);
                    }
                }
                case NEST -> {
                    if (!walk(c.payload(), s.nested(), depth + 1)) {
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
