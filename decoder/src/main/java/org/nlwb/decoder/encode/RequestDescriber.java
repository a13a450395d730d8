package org.nlwb.decoder.encode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nlwb.decoder.codec.Describing;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.codec.ValueException;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpMatch;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.ynl.StructDef;

/**
 * Turns a decoded request (a message to the kernel that a spec family decoded) back into the
 * {@link Request} that {@link MessageEncoder} would build it from: operation, flags by name,
 * fixed header members and attributes by spec name. Carried over as they were, not derived:
 * nlmsg_seq, nlmsg_pid, the genlmsghdr version and whether nests had NLA_F_NESTED (iproute2
 * leaves it off, YNL sets it). Fixed header members that are zero are left out (the encoder
 * zero-fills), so a description reads like what a person would write.
 *
 * <p>Says what the sender did differently from the spec only where it did (a clean request's
 * description has none of it): an integer sent at another width ({@code {"value": 300, "size": 4}}),
 * NLA_F_NESTED on a sub-message ({@code "$nested": true}), padding that is not zero
 * ({@code {"$value": v, "$pad": "hex"}}). Refuses (with the reason) what a description cannot say:
 * unknown or malformed parts, strings with bytes after their NUL, a struct shorter than its
 * {@code sizeof}, nests that disagree about NLA_F_NESTED.
 */
public final class RequestDescriber {
    private final Family f;

    private RequestDescriber(Family f) {
        this.f = f;
    }

    /** The description of {@code m}, a request decoded by family {@code f}'s spec. */
    public static Request describe(Family f, DecodedMessage m) throws EncodeException {
        return describe(f, m.tree());
    }

    /**
     * The description of a decoded request's tree (also one read back from {@code decode --json},
     * see {@link JsonTrees}): the tree alone says enough, lengths and values of its leaves.
     */
    public static Request describe(Family f, Node tree) throws EncodeException {
        return new RequestDescriber(f).describeTree(tree);
    }

    private Request describeTree(Node root) throws EncodeException {
        Node h = root.child("nlmsghdr");
        if (h == null) {
            throw new EncodeException("", "no nlmsghdr");
        }
        int type = ((Number) h.child("nlmsg_type").value()).intValue();
        int flags = ((Number) h.child("nlmsg_flags").value()).intValue();
        long seq = ((Number) h.child("nlmsg_seq").value()).longValue();
        long pid = ((Number) h.child("nlmsg_pid").value()).longValue();
        if ((flags & NlFlags.REQUEST) == 0) {
            throw new EncodeException("flags", "NLM_F_REQUEST is not set");
        }
        int id = type;
        int version = 1;
        Node genl = root.child("genlmsghdr");
        if (f.schema().isGeneric()) {
            if (genl == null) {
                throw new EncodeException("", "generic netlink message without a genlmsghdr");
            }
            id = ((Number) genl.child("cmd").value()).intValue();
            version = ((Number) genl.child("version").value()).intValue();
            if (((Number) genl.child("reserved").value()).intValue() != 0) {
                throw new EncodeException("genlmsghdr", "reserved is not zero");
            }
        }
        OpMatch match = OpMatch.find(f, id, Direction.TO_KERNEL, flags, seq);
        if (match == null) {
            throw new EncodeException("", f.name() + " has no request with id " + id);
        }
        OpSpec op = match.op();
        boolean dump = (flags & NlFlags.DUMP) == NlFlags.DUMP;
        boolean ack = (flags & NlFlags.ACK) != 0;
        List<String> names = extraFlags(flags, dump, op);
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        StructDef header = op.fixedHeader() == null ? null : f.structs().get(op.fixedHeader());
        AttrSetSpec set = op.attributeSet() == null ? null : f.attributeSets().get(op.attributeSet());
        List<Node> body = new ArrayList<>();
        for (Node c : root.children()) {
            if (c != h && c != genl) {
                body.add(c);
            }
        }
        Describing d = new Describing(new FamilyCodecs(f));
        try {
            d.body(values, header, set, body, "");
        } catch (ValueException e) {
            throw new EncodeException(e.problem().path(), e.problem().message());
        }
        return new Request(f.name(), op.name(), dump, ack, names, values, seq, pid, version, d.nestedFlag());
    }

    /** The flags beyond REQUEST, ACK and (for a dump) DUMP, by name: what a Request lists. */
    private static List<String> extraFlags(int flags, boolean dump, OpSpec op) {
        int extra = flags & ~(NlFlags.REQUEST | NlFlags.ACK | (dump ? NlFlags.DUMP : 0));
        List<String> names = new ArrayList<>();
        if (extra != 0) {
            FlagKind kind = NlFlags.kindOfName(op.toKernelName());
            names.addAll(Arrays.asList(NlFlags.describe(extra, kind).split("\\|")));
        }
        return names;
    }
}
