package org.nlwb.decoder.diff;

import java.util.List;

/**
 * Length fields follow from what they measure: a changed {@code nla_len} or {@code nlmsg_len} is
 * news only when nothing else in what it measures (the attribute; the message for the nlmsghdr's
 * length) differs, e.g. trailing bytes inside an attribute that its codec ignores.
 */
final class LengthFields {
    private LengthFields() {
    }

    static List<Difference> withoutDerived(List<Difference> all) {
        return all.stream().filter(d -> !derived(d, all)).toList();
    }

    private static boolean derived(Difference d, List<Difference> all) {
        String scope = scope(d.path());
        if (scope == null) {
            return false;
        }
        return all.stream().anyMatch(o -> o != d && scope(o.path()) == null
                && (o.path().equals(scope) || o.path().startsWith(scope + "/")));
    }

    /** The path a length field measures, or null when {@code path} is not a length field. */
    private static String scope(String path) {
        if (path.endsWith("/nla_len")) {
            return path.substring(0, path.length() - "/nla_len".length());
        }
        if (path.endsWith("/nlmsghdr/nlmsg_len")) {
            return path.substring(0, path.length() - "/nlmsghdr/nlmsg_len".length());
        }
        return null;
    }
}
