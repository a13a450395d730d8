package org.nlwb.decoder.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.decode.AttributeWalker;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.message.Netlink;
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
 * plain nest or a sub-message that may is walked into, and an attribute that is the field or may
 * hold it otherwise (a container, a struct, a Java codec's payload) is decoded alone with its
 * codec, in a scope that looks up selectors as the message's would (the same walker and codec as
 * the full decode, so values and displays are the same). The fixed header is decoded only when it
 * has a member of that name. A presence test stops at the first attribute named the field: its
 * header is enough.
 *
 * <p>The built-in fixers (all there are when this runs: {@link MessageHead#builtinFixers}) see an
 * attribute decoded alone inside a root made of the fixed header, that attribute and the
 * selectors after it at its level: RTA_ENCAP is re-read by the RTA_ENCAP_TYPE that follows it,
 * tc's tcm_handle is a header member. A fixer that read other nodes would need them here.
 *
 * <p>{@link #find} answers null whenever the walk would differ from the tree: a Java codec that does
 * not say what it makes ({@link FieldReach.Way#FULL}), a look-up of a value the walk did not keep,
 * an nla_len that runs past its parent (the decoder names the truncated attribute), nesting deeper
 * than a plain walk should go, a fixer that fails.
 */
final class AttributeProbe {
    /** Deeper than this the walk leaves it to the decoder (whose depth limit then matters). */
    private static final int MAX_DEPTH = 16;

    private final MessageHead head;
    private final SpecMessageClass cls;
    private final FamilyCodecs codecs;
    private final FieldReach reach;
    private final List<MessageFixer> fixers;
    /** Whether only the field's presence is asked: the first occurrence ends the walk, values unread. */
    private final boolean presence;
    private final List<FieldValue> found = new ArrayList<>(2);
    /** The fixed header's struct and bytes, for the root the fixers see; null when the operation has none. */
    private StructDef headerStruct;
    private ByteView headerBytes;
    private OpMatch match;
    /** Set when a presence walk stepped over an attribute only a whole decode explains. */
    private boolean unsure;
    /** Set when a codec decoded alone looked up a value the walk does not keep. */
    private boolean strayLookup;

    private AttributeProbe(MessageHead head, SpecMessageClass cls, FieldReach reach, List<MessageFixer> fixers,
                           boolean presence) {
        this.head = head;
        this.cls = cls;
        this.codecs = cls.codecs();
        this.reach = reach;
        this.fixers = fixers;
        this.presence = presence;
    }

    /**
     * Every occurrence of {@code reach}'s field in the message {@code head} (whose class is
     * {@code cls}), or null when only the full decode can say.
     *
     * @param fixers the protocol's fixers, all built-in ({@link MessageHead#builtinFixers})
     */
    static List<FieldValue> find(MessageHead head, SpecMessageClass cls, FieldReach reach, List<MessageFixer> fixers) {
        return new AttributeProbe(head, cls, reach, fixers, false).find();
    }

    /** Whether the message has a node named {@code reach}'s field, or null when only the full decode can say. */
    static Boolean present(MessageHead head, SpecMessageClass cls, FieldReach reach, List<MessageFixer> fixers) {
        List<FieldValue> f = new AttributeProbe(head, cls, reach, fixers, true).find();
        return f == null ? null : !f.isEmpty();
    }

    private List<FieldValue> find() {
        List<FieldValue> f = findAll();
        return f == null || !f.isEmpty() || !unsure ? f : null;
    }

    private List<FieldValue> findAll() {
        if (reach.field().equals(head.typeName())) {
            found.add(FieldValue.of(null, head.typeName())); // the root is named after the type
        }
        OpBody op = OpBody.of(head, cls);
        if (op == null) {
            return found; // the body is one payload node
        }
        OpMatch m = op.match();
        ByteView rest = op.payload();
        String header = m.op().fixedHeader();
        match = m;
        if (header != null) {
            StructDef s = cls.family().structs().get(header);
            if (s == null) {
                return null;
            }
            int n = Math.min(rest.length(), s.size());
            headerStruct = s;
            headerBytes = rest.slice(0, n);
            if (reach.structHolds(header) && !fixedHeader()) {
                return null;
            }
            rest = rest.from(n);
        }
        return rest.isEmpty() || walk(rest, m.op().attributeSet(), 1, null) ? found : null;
    }

    /** Adds the fixed header's nodes of the field's name, as the built-in fixers leave them; false when unsure. */
    private boolean fixedHeader() {
        Node root = fixed(List.of(headerNode()));
        if (root == null) {
            return false;
        }
        for (Node c : root.children()) {
            collect(c);
        }
        return true;
    }

    private Node headerNode() {
        Node h = codecs.structNode(headerStruct, headerBytes);
        return match.note() != null && h.status() == Status.OK ? h.withStatus(Status.OK, match.note()) : h;
    }

    /** A root of {@code kids} as the built-in fixers leave it, or null when one fails. */
    private Node fixed(List<Node> kids) {
        Node root = new Node(head.typeName(), head.header().type(), 0, head.ref().length(), null, head.typeName(),
                Status.OK, null, kids);
        for (MessageFixer f : fixers) {
            try {
                Node fixed = f.fix(head.context(), root);
                if (fixed == null) {
                    return null;
                }
                root = fixed;
            } catch (RuntimeException e) {
                return null;
            }
        }
        return root;
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
            if (presence && s.itself()) {
                found.add(FieldValue.of(null, null)); // its header names it: the node is there
                return true;
            }
            Node decoded = null;
            if (s.way() == FieldReach.Way.TARGET || s.way() == FieldReach.Way.ALONE || s.selector()) {
                decoded = alone(c, setName, depth, level);
                if (decoded.value() != null) {
                    level.remember(decoded.name(), decoded.value());
                }
            }
            if (!step(s, c, decoded, setName, depth, level) || strayLookup) {
                return false;
            }
            if (presence && !found.isEmpty()) {
                return true;
            }
        }
        return c.stop() != AttributeCursor.Stop.LENGTH_PAST_REGION
                || reach.step(setName, c.type()).way() == FieldReach.Way.NONE;
    }

    /** Goes the attribute's way ({@code decoded} when the walk decoded it); false when only a decode can say. */
    private boolean step(FieldReach.Step s, AttributeCursor c, Node decoded, String setName, int depth, Level level) {
        switch (s.way()) {
            case NONE -> {
                return true;
            }
            case TARGET -> {
                collect(decoded);
                return true;
            }
            case ALONE -> {
                return collectFixed(c, decoded, setName, depth, level);
            }
            case NEST -> {
                return walk(c.payload(), s.nested(), depth + 1, level);
            }
            case SUB -> {
                return subMessage(c, s, setName, depth, level);
            }
            default -> {
                // a presence test may still find the field elsewhere; a value, never
                unsure = true;
                return presence && !s.selector();
            }
        }
    }

    /**
     * The attribute at the cursor decoded alone, by the walker and codec the full decode uses, in a
     * scope at its depth whose look-ups go on to the values this walk kept ({@code level}).
     */
    private Node alone(AttributeCursor c, String setName, int depth, Level level) {
        return AttributeWalker.scopeAt(depth - 1, head.context().conversation(), name -> {
            if (!reach.selector(name)) {
                strayLookup = true; // a value the walk does not keep: the decode would see it
                return null;
            }
            return level.lookup(name);
        }).walk(c.attribute(), codecs.set(setName)).get(0);
    }

    /**
     * Collects from {@code decoded} (the attribute at the cursor) as the fixers leave it, given the
     * selectors after it at its level; false when a fixer fails.
     */
    private boolean collectFixed(AttributeCursor c, Node decoded, String setName, int depth, Level level) {
        if (fixers.isEmpty()) {
            collect(decoded);
            return true;
        }
        List<Node> kids = new ArrayList<>();
        if (headerStruct != null) {
            kids.add(headerNode());
        }
        int at = kids.size();
        kids.add(decoded);
        ByteView region = c.region();
        AttributeCursor after = AttributeCursor.over(region, c.offset() + Netlink.align(c.nlaLen()), region.length());
        while (after.next()) {
            if (reach.step(setName, after.type()).selector()) {
                kids.add(alone(after, setName, depth, level));
            }
        }
        Node root = fixed(kids);
        if (root == null || root.children().size() != kids.size()) {
            return false;
        }
        collect(root.children().get(at));
        return true;
    }

    /**
     * A sub-message at the cursor: the format its selector's value names (as its codec picks it),
     * walked when it has attributes; with no selector before it, the attribute as the fixers leave
     * it (RTA_ENCAP's type comes after it). False when only a decode can say.
     */
    private boolean subMessage(AttributeCursor c, FieldReach.Step s, String setName, int depth, Level level) {
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
            // shown as bytes, unless a fixer reads it by what follows
            return fixers.isEmpty() || collectFixed(c, alone(c, setName, depth, level), setName, depth, level);
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
        ByteView rest = c.payload();
        if (fmt.fixedHeader() != null) {
            StructDef h = cls.family().structs().get(fmt.fixedHeader());
            if (h == null || reach.structHolds(fmt.fixedHeader())) {
                return collectFixed(c, alone(c, setName, depth, level), setName, depth, level);
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
        OpBody op = OpBody.of(head, cls);
        if (op == null) {
            return false;
        }
        OpMatch m = op.match();
        ByteView rest = op.payload();
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

    /**
     * The operation a message body is and the bytes after its genlmsghdr (the whole body for a
     * family without one): what both the probe and {@link #topLevelMayBe} walk. Null when the
     * spec has no operation for it, the body is empty, or a generic body is shorter than its
     * genlmsghdr: the decoder then makes the body one node, and there is nothing to walk.
     */
    private record OpBody(OpMatch match, ByteView payload) {
        static OpBody of(MessageHead head, SpecMessageClass cls) {
            ByteView rest = head.body();
            OpMatch m;
            if (cls.family().schema().isGeneric()) {
                if (rest.length() < SpecMessageClass.GENL_HDRLEN) {
                    return null;
                }
                m = cls.match(head.context(), rest.u8(0));
                rest = rest.from(SpecMessageClass.GENL_HDRLEN);
            } else {
                m = cls.match(head.context(), head.header().type());
            }
            return m == null || rest.isEmpty() ? null : new OpBody(m, rest);
        }
    }
}
