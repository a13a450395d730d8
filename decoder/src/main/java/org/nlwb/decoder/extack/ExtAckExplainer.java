package org.nlwb.decoder.extack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.extack.ExtAckExplanation.Missing;
import org.nlwb.decoder.extack.ExtAckExplanation.PolicyBounds;
import org.nlwb.decoder.extack.ExtAckExplanation.RequestLocation;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.AttrSpec;
import org.nlwb.decoder.ynl.AttrType;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.tree.Node;

/**
 * Explains the extended ACK of an NLMSG_ERROR or NLMSG_DONE against the request it answers,
 * from the two decoded trees: NLMSGERR_ATTR_MSG; NLMSGERR_ATTR_OFFS (an offset into the request,
 * from its nlmsghdr) with the request attribute it falls in; NLMSGERR_ATTR_MISS_TYPE (an attribute
 * the kernel needed and did not get) named through the spec, in the nest NLMSGERR_ATTR_MISS_NEST
 * points at or else at the message's top level; and the bounds of NLMSGERR_ATTR_POLICY.
 *
 * <p>Works on trees only, so a reply read from a file explains as well as one just received.
 * Never throws on odd input: what cannot be placed is said to be outside the request.
 */
public final class ExtAckExplainer {
    private ExtAckExplainer() {
    }

    /**
     * @param reply   a decoded message; only NLMSG_ERROR and NLMSG_DONE are explained
     * @param request the request it answers, decoded, or null when it is not at hand
     * @param family  the request's spec family, or null (missing attributes are then named by number)
     * @param op      the request's operation in {@code family}, or null
     * @return the explanation, or empty when {@code reply} is no NLMSG_ERROR/NLMSG_DONE or carries
     *         none of NLMSGERR_ATTR_MSG, _OFFS and _MISS_TYPE
     */
    public static Optional<ExtAckExplanation> explain(DecodedMessage reply, DecodedMessage request, Family family,
                                                      OpSpec op) {
        Node tree = reply.tree();
        Integer t = tree.type();
        if (t == null || (t != ControlType.ERROR && t != ControlType.DONE)) {
            return Optional.empty();
        }
        Node msg = tree.child("NLMSGERR_ATTR_MSG");
        Long off = number(tree.child("NLMSGERR_ATTR_OFFS"));
        Long missType = number(tree.child("NLMSGERR_ATTR_MISS_TYPE"));
        Long missNest = number(tree.child("NLMSGERR_ATTR_MISS_NEST"));
        if (msg == null && off == null && missType == null) {
            return Optional.empty();
        }
        Long error = number(tree.child("error"));
        return Optional.of(new ExtAckExplanation(error == null ? 0 : error.intValue(),
                msg != null && msg.value() != null ? msg.value().toString() : null,
                off == null ? null : locate(request, off),
                missType == null ? null : missing(request, family, op, missType.intValue(), missNest),
                policy(tree.child("NLMSGERR_ATTR_POLICY"))));
    }

    /**
     * Where byte {@code offset} of {@code request} is (the kernel points at an attribute's
     * nla_len): the attributes around it ({@code IFLA_LINKINFO > IFLA_INFO_KIND}), or in a fixed
     * header the struct and its member ({@code ifinfomsg > ifi_index}).
     */
    public static RequestLocation locate(DecodedMessage request, long offset) {
        if (request == null || offset < 0 || offset >= request.tree().length()) {
            return new RequestLocation(offset, null, List.of());
        }
        Node root = request.tree();
        int off = (int) offset;
        List<Node> path = root.pathTo(root.deepestCovering(off, off + 1));
        List<String> names = new ArrayList<>();
        Node named = root;
        Node parent = root;
        for (Node n : path.subList(1, path.size())) {
            if (isAttribute(n) || !isAttribute(parent)) {
                names.add(n.name());
                named = n;
            }
            parent = n;
        }
        return new RequestLocation(offset, named, names.isEmpty() ? List.of(root.name()) : names);
    }

    /** The missing attribute by its kernel name where the spec knows it, in the set of the nest it belongs in. */
    private static Missing missing(DecodedMessage request, Family fam, OpSpec op, int type, Long nestOffset) {
        AttrSetSpec set = fam == null || op == null || op.attributeSet() == null ? null
                : fam.attributeSets().get(op.attributeSet());
        RequestLocation nest = null;
        if (nestOffset != null && request != null) {
            nest = locate(request, nestOffset);
            set = nestSet(request.tree(), nestOffset.intValue(), fam, set);
        }
        AttrSpec a = set == null ? null : set.byValue(type);
        return new Missing(type, a != null ? a.kernelName() : null, set != null ? set.name() : null, nest);
    }

    /** The attribute set of the nest at {@code nestOffset}, walking down from {@code top} along the spec. */
    private static AttrSetSpec nestSet(Node root, int nestOffset, Family fam, AttrSetSpec top) {
        AttrSetSpec set = top;
        List<Node> path = root.pathTo(root.deepestCovering(nestOffset, nestOffset + 1));
        for (Node n : path.subList(1, path.size())) {
            if (set == null || n.type() == null || !isAttribute(n)) {
                continue;
            }
            AttrSpec a = set.byValue(n.type());
            set = a != null && a.nested() != null && a.type() == AttrType.NEST ? fam.attributeSets().get(a.nested()) : null;
            if (n.offset() == nestOffset) {
                break;
            }
        }
        return set;
    }

    private static PolicyBounds policy(Node p) {
        if (p == null) {
            return null;
        }
        Node type = p.child("NL_POLICY_TYPE_ATTR_TYPE");
        String typeName = null;
        if (type != null) {
            String d = type.display() != null ? type.display() : String.valueOf(type.value());
            int paren = d.indexOf(" (");
            typeName = paren > 0 ? d.substring(0, paren) : d;
        }
        return new PolicyBounds(typeName,
                either(p, "NL_POLICY_TYPE_ATTR_MIN_VALUE_S", "NL_POLICY_TYPE_ATTR_MIN_VALUE_U"),
                either(p, "NL_POLICY_TYPE_ATTR_MAX_VALUE_S", "NL_POLICY_TYPE_ATTR_MAX_VALUE_U"),
                value(p.child("NL_POLICY_TYPE_ATTR_MIN_LENGTH")),
                value(p.child("NL_POLICY_TYPE_ATTR_MAX_LENGTH")),
                either(p, "NL_POLICY_TYPE_ATTR_MASK", "NL_POLICY_TYPE_ATTR_BITFIELD32_MASK"));
    }

    private static Number either(Node parent, String first, String second) {
        Number a = value(parent.child(first));
        return a != null ? a : value(parent.child(second));
    }

    private static Number value(Node n) {
        return n != null && n.value() instanceof Number x ? x : null;
    }

    private static Long number(Node n) {
        return n != null && n.value() instanceof Number x ? x.longValue() : null;
    }

    /** An attribute node: its first child is its nla_len. */
    private static boolean isAttribute(Node n) {
        return !n.children().isEmpty() && n.children().get(0).name().equals("nla_len");
    }
}
