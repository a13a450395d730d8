package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;

/**
 * One message being composed: family, operation (do or dump), nlmsg_flags, the genlmsghdr version
 * (a replay's as captured: genl-ctrl-list sends 0) and the tree of values (attributes and
 * fixed-header members by spec name, as {@link Request#values()} holds them).
 * Editors change {@link #values()} in place and call {@link #changed()}; listeners (the views)
 * hear every change. Not thread-safe: the FX thread owns it; {@link #request()} is an immutable
 * snapshot for work elsewhere.
 */
public final class ComposedMessage {
    /** The genl family id used before the target kernel is asked (previews, validation). */
    public static final int PLACEHOLDER_GENL_ID = 0xfff0;

    private String family;
    private String op;
    private boolean dump;
    private boolean ack = true;
    private boolean nestedFlag = true;
    private int genlVersion = 1;
    private final Set<String> flags = new LinkedHashSet<>();
    private ObjectNode values = JsonNodeFactory.instance.objectNode();
    private final List<Runnable> listeners = new ArrayList<>();

    public ComposedMessage(String family, String op, boolean dump) {
        this.family = family;
        this.op = op;
        this.dump = dump;
    }

    /** A message holding what {@code r} describes (its values copied). */
    public static ComposedMessage of(Request r) {
        ComposedMessage m = new ComposedMessage(r.family(), r.op(), r.dump());
        m.load(r);
        return m;
    }

    /** Replaces everything with what {@code r} describes. */
    public void load(Request r) {
        family = r.family();
        op = r.op();
        dump = r.dump();
        ack = r.ack();
        nestedFlag = r.nestedFlag();
        genlVersion = r.genlVersion();
        flags.clear();
        r.flags().forEach(f -> flags.add(normalFlag(f)));
        values = r.values().isObject() ? ((ObjectNode) r.values()).deepCopy() : JsonNodeFactory.instance.objectNode();
        changed();
    }

    private static String normalFlag(String f) {
        String t = f.strip().toUpperCase(java.util.Locale.ROOT);
        return t.startsWith("NLM_F_") ? t.substring(6) : t;
    }

    /** An immutable description of the message as it is now. */
    public Request request() {
        return Request.of(family, op, dump, values.deepCopy()).withAck(ack).withFlags(List.copyOf(flags))
                .withNestedFlag(nestedFlag).withHeader(0, 0, genlVersion);
    }

    public String family() {
        return family;
    }

    public String op() {
        return op;
    }

    public boolean dump() {
        return dump;
    }

    public boolean ack() {
        return ack;
    }

    /** Extra flag names (CREATE, EXCL, ...), upper case without NLM_F_. */
    public Set<String> flags() {
        return Set.copyOf(flags);
    }

    /** The value tree, to be edited in place; call {@link #changed()} after. */
    public ObjectNode values() {
        return values;
    }

    /** Another operation: the values are kept (most operations of a family share an attribute set). */
    public void setOperation(String newFamily, String newOp, boolean newDump) {
        if (!newFamily.equals(family)) {
            values = JsonNodeFactory.instance.objectNode();
            genlVersion = 1; // a captured version is its family's; another family starts from YNL's
        }
        family = newFamily;
        op = newOp;
        dump = newDump;
        changed();
    }

    public void setAck(boolean on) {
        ack = on;
        changed();
    }

    public void setFlag(String name, boolean on) {
        if (on ? flags.add(normalFlag(name)) : flags.remove(normalFlag(name))) {
            changed();
        }
    }

    /** Sets ({@code v} not null) or removes a top-level value. */
    public void put(String name, JsonNode v) {
        if (v == null) {
            values.remove(name);
        } else {
            values.set(name, v);
        }
        changed();
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void changed() {
        List.copyOf(listeners).forEach(Runnable::run);
    }

    /** What {@link MessageEncoder#encode} would refuse, in its words ({@code ifname: ...}), or empty. */
    public Optional<String> problem(MessageEncoder encoder) {
        return encoder.validate(request(), n -> PLACEHOLDER_GENL_ID).map(ComposedMessage::describe);
    }

    static String describe(EncodeException e) {
        return e.getMessage();
    }

    /** The bytes, a generic netlink family's id asked from {@code genlId}. */
    public byte[] encode(MessageEncoder encoder, ToIntFunction<String> genlId) throws EncodeException {
        return encoder.encode(request(), genlId).bytes();
    }
}
