package org.nlwb.decoder.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nlwb.decoder.message.Netlink;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The difference between two decoded message trees, at attribute level.
 *
 * <p>Children are matched by name ({@code IFLA_IFNAME}, {@code ifi_index}; an attribute no spec
 * knows is named by its type, {@code link-attrs[62]}), a repeated name by its order among its
 * namesakes, padding by the sibling it follows. An attribute (a node whose first children are
 * {@code nla_len} and {@code nla_type}, as {@code AttributeWalker} builds it) is compared as one:
 * its flag bits ({@link DiffKind#FLAGS}), then its value when it holds one, else its children. So
 * a changed string is one difference on the attribute, not one on its value leaf and one on its
 * {@code nla_len}.
 *
 * <p>Lengths follow from content: a changed {@code nla_len} or {@code nlmsg_len} is reported only
 * when nothing else inside that attribute or message differs, and the padding after an attribute
 * that differs is not compared. Every difference is marked with the first noise rule that covers
 * its path (see {@link NoiseRules#covering}); nothing is dropped for noise here.
 */
public final class TreeDiff {
    private static final int FLAG_BITS = Netlink.NLA_F_NESTED | Netlink.NLA_F_NET_BYTEORDER;

    private final NoiseRules rules;

    public TreeDiff(NoiseRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The differences between two message trees, in the order of the left tree. */
    public List<Difference> compare(Node left, Node right) {
        Walk w = new Walk();
        w.node(left.name(), left, right, false);
        return LengthFields.withoutDerived(w.out);
    }

    /** One comparison: collects differences as it goes down both trees together. */
    private final class Walk {
        private final List<Difference> out = new ArrayList<>();

        void node(String path, Node l, Node r, boolean inAttribute) {
            if (isAttribute(l) && isAttribute(r)) {
                attribute(path, l, r);
            } else if (l.isLeaf() || r.isLeaf()) {
                if (!l.isLeaf() || !r.isLeaf() || !sameValue(l, r)) {
                    add(kindOf(l, inAttribute), path, Side.of(l), Side.of(r));
                }
            } else {
                children(path, l.children(), r.children(), inAttribute);
            }
        }

        private void attribute(String path, Node l, Node r) {
            Node lt = l.children().get(1);
            Node rt = r.children().get(1);
            if ((rawType(lt) & FLAG_BITS) != (rawType(rt) & FLAG_BITS)) {
                add(DiffKind.FLAGS, path, Side.of(lt), Side.of(rt));
            }
            List<Node> lb = l.children().subList(2, l.children().size());
            List<Node> rb = r.children().subList(2, r.children().size());
            boolean lValue = holdsValue(lb);
            boolean rValue = holdsValue(rb);
            if (lValue || rValue) {
                if (lValue != rValue || !sameValue(l, r)) {
                    add(l.status() == Status.TRAILING ? DiffKind.TRAILING : DiffKind.CHANGED, path, Side.of(l), Side.of(r));
                }
            } else {
                children(path, lb, rb, true);
            }
            Node ll = l.children().get(0);
            Node rl = r.children().get(0);
            if (!Objects.equals(ll.value(), rl.value())) {
                add(DiffKind.CHANGED, path + "/" + ll.name(), Side.of(ll), Side.of(rl));
            }
        }

        private void children(String path, List<Node> ls, List<Node> rs, boolean inAttribute) {
            Map<String, Node> left = keyed(ls);
            Map<String, Node> right = keyed(rs);
            List<String> differing = new ArrayList<>();
            for (Map.Entry<String, Node> e : left.entrySet()) {
                String key = e.getKey();
                Node r = right.get(key);
                if (followsDifference(key, differing, left, right)) {
                    continue;
                }
                if (r == null) {
                    add(presenceKind(e.getValue(), DiffKind.REMOVED), path + "/" + key, Side.of(e.getValue()), null);
                    differing.add(key);
                    continue;
                }
                int before = out.size();
                node(path + "/" + key, e.getValue(), r, inAttribute);
                if (out.size() > before) {
                    differing.add(key);
                }
            }
            for (Map.Entry<String, Node> e : right.entrySet()) {
                String key = e.getKey();
                if (!left.containsKey(key) && !followsDifference(key, differing, left, right)) {
                    add(presenceKind(e.getValue(), DiffKind.ADDED), path + "/" + key, null, Side.of(e.getValue()));
                }
            }
            order(path, left, right);
        }

        /** Padding after an attribute that differs, or that one side lacks, follows from it. */
        private static boolean followsDifference(String key, List<String> differing, Map<String, Node> left,
                                                 Map<String, Node> right) {
            if (!Keys.isPadding(key)) {
                return false;
            }
            String sibling = Keys.paddedSibling(key);
            return differing.contains(sibling) || left.containsKey(sibling) != right.containsKey(sibling);
        }

        /**
         * One {@link DiffKind#ORDER} difference when the names both sides have come in another
         * order; its texts list the attributes both have, in each side's order.
         */
        private void order(String path, Map<String, Node> left, Map<String, Node> right) {
            List<String> lo = common(left, right);
            List<String> ro = common(right, left);
            if (!lo.equals(ro)) {
                add(DiffKind.ORDER, path, Side.text(String.join(", ", lo)), Side.text(String.join(", ", ro)));
            }
        }

        private static List<String> common(Map<String, Node> side, Map<String, Node> other) {
            List<String> all = side.keySet().stream().filter(k -> other.containsKey(k) && !Keys.isPadding(k)).toList();
            List<String> attributes = all.stream().filter(k -> isAttribute(side.get(k))).toList();
            return attributes.isEmpty() ? all : attributes;
        }

        private void add(DiffKind kind, String path, Side l, Side r) {
            out.add(new Difference(kind, path, l, r, rules.covering(path)));
        }
    }

    /** The children keyed by {@link Keys}, in their order. */
    private static Map<String, Node> keyed(List<Node> nodes) {
        Map<String, Node> out = new LinkedHashMap<>();
        Keys keys = new Keys();
        for (Node n : nodes) {
            out.put(keys.next(n), n);
        }
        return out;
    }

    static boolean isAttribute(Node n) {
        return n.type() != null && n.children().size() >= 2
                && n.children().get(0).name().equals("nla_len") && n.children().get(1).name().equals("nla_type");
    }

    private static long rawType(Node nlaType) {
        return nlaType.value() instanceof Long v ? v : 0;
    }

    /** An attribute body that is one value leaf (or nothing: a flag attribute). */
    private static boolean holdsValue(List<Node> body) {
        return body.isEmpty() || body.size() == 1 && body.get(0).name().equals("value") && body.get(0).isLeaf();
    }

    private static boolean sameValue(Node l, Node r) {
        return Objects.equals(l.value(), r.value()) && Objects.equals(l.display(), r.display())
                && l.length() == r.length() && l.status() == r.status()
                && (l.status() != Status.PADDING || Objects.equals(l.note(), r.note()));
    }

    private static DiffKind kindOf(Node n, boolean inAttribute) {
        return switch (n.status()) {
            case PADDING -> DiffKind.PADDING;
            case TRAILING -> DiffKind.TRAILING;
            default -> inAttribute ? DiffKind.CHANGED : DiffKind.HEADER;
        };
    }

    private static DiffKind presenceKind(Node n, DiffKind otherwise) {
        return switch (n.status()) {
            case PADDING -> DiffKind.PADDING;
            case TRAILING -> DiffKind.TRAILING;
            default -> otherwise;
        };
    }
}
