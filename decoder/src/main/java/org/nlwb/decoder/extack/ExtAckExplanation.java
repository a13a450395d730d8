package org.nlwb.decoder.extack;

import java.util.List;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.tree.Node;

/**
 * What the extended ACK of one NLMSG_ERROR or NLMSG_DONE says about the request it answers.
 * Made by {@link ExtAckExplainer}; immutable.
 *
 * @param error   the errno the kernel answered, negative ({@code -22}), or 0 for an ACK or the end of a dump
 * @param message NLMSGERR_ATTR_MSG, or null
 * @param pointer where NLMSGERR_ATTR_OFFS points in the request, or null when the kernel sent no offset
 * @param missing the attribute NLMSGERR_ATTR_MISS_TYPE says the kernel needed and did not get, or null
 * @param policy  the policy NLMSGERR_ATTR_POLICY says the pointed-at attribute broke, or null
 */
public record ExtAckExplanation(int error, String message, RequestLocation pointer, Missing missing,
                                PolicyBounds policy) {

    /** {@code -EINVAL}, or null for 0. */
    public String errnoName() {
        return error == 0 ? null : Errno.signedName(error);
    }

    /** {@code Invalid argument}, or null for 0 or an errno without a known text. */
    public String errnoText() {
        return error == 0 ? null : Errno.text(error);
    }

    /**
     * A place in the request the kernel pointed at (an offset from its nlmsghdr, which for an
     * attribute is its nla_len).
     *
     * @param offset the offset as the kernel sent it
     * @param node   the innermost attribute (or fixed-header member) covering it, the node to
     *               highlight; its offset and length are within the request message. Null when the
     *               offset is outside the request
     * @param path   the names from the top down to {@code node}, attributes and fixed-header
     *               members only ({@code [IFLA_LINKINFO, IFLA_INFO_DATA, IFLA_VXLAN_ID]},
     *               {@code [ifinfomsg, ifi_index]}); empty when outside the request
     */
    public record RequestLocation(long offset, Node node, List<String> path) {
        public RequestLocation {
            path = List.copyOf(path);
        }

        public boolean insideRequest() {
            return node != null;
        }

        /** {@code IFLA_LINKINFO.IFLA_INFO_DATA.IFLA_VXLAN_ID}, or null when outside the request. */
        public String dottedPath() {
            return node == null ? null : String.join(".", path);
        }

        /** {@code IFLA_LINKINFO > IFLA_INFO_KIND}, or {@code outside the request} (as {@code nlwb send} prints it). */
        public String describe() {
            return node == null ? "outside the request" : String.join(" > ", path);
        }
    }

    /**
     * An attribute the kernel required and did not find.
     *
     * @param type         NLMSGERR_ATTR_MISS_TYPE, the attribute's number
     * @param name         its kernel name ({@code ETHTOOL_A_LINKINFO_HEADER}) where the spec knows it, else null
     * @param attributeSet the spec attribute set it was looked up in ({@code linkinfo}), or null when none applies
     * @param nest         the nest NLMSGERR_ATTR_MISS_NEST points at, or null for the message's top level
     */
    public record Missing(int type, String name, String attributeSet, RequestLocation nest) {
        /** {@code ETHTOOL_A_LINKINFO_HEADER (1) in the message (linkinfo)}, or {@code type 7 in IFLA_LINKINFO}. */
        public String describe() {
            return (name != null ? name + " (" + type + ")" : "type " + type) + " in "
                    + (nest == null ? "the message" : nest.describe())
                    + (attributeSet != null ? " (" + attributeSet + ")" : "");
        }
    }

    /**
     * The validation policy an attribute broke ({@code enum netlink_policy_type_attr}); each bound
     * is null when the kernel did not send it. Unsigned 64-bit bounds past {@code Long.MAX_VALUE}
     * are {@code BigInteger}s.
     *
     * @param type      the policy's attribute type, {@code NL_ATTR_TYPE_U32} (or its number when unnamed)
     * @param minValue  NL_POLICY_TYPE_ATTR_MIN_VALUE_S or _U
     * @param maxValue  NL_POLICY_TYPE_ATTR_MAX_VALUE_S or _U
     * @param minLength NL_POLICY_TYPE_ATTR_MIN_LENGTH
     * @param maxLength NL_POLICY_TYPE_ATTR_MAX_LENGTH
     * @param mask      NL_POLICY_TYPE_ATTR_MASK or NL_POLICY_TYPE_ATTR_BITFIELD32_MASK
     */
    public record PolicyBounds(String type, Number minValue, Number maxValue, Number minLength, Number maxLength,
                               Number mask) {
    }
}
