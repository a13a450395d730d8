package org.nlwb.decoder.message;

/**
 * The netlink constants more than one part of nlwb needs, in one place (as Wireshark keeps them
 * in {@code packet-netlink.h}): header sizes and alignment, the {@code nla_type} flag bits, the
 * nlctrl family's id, commands and attributes, and the ext-ACK TLVs of an NLMSG_ERROR. Names are
 * the kernel's, so a grep of the UAPI headers finds them. Flag bits of {@code nlmsg_flags} live
 * in {@link NlFlags}, control message types in {@link ControlType}.
 */
public final class Netlink {
    /**
     * The uevent protocol: its datagrams are kernel or libudev text, not nlmsghdr-framed. The
     * framer needs it, so it is defined here and {@code model.Protocol} refers to it.
     */
    public static final int NETLINK_KOBJECT_UEVENT = 15;
    /** {@code sizeof(struct nlmsghdr)}. */
    public static final int NLMSG_HDRLEN = 16;
    /** Messages and attributes are 4-byte aligned ({@code NLMSG_ALIGNTO}, {@code NLA_ALIGNTO}). */
    public static final int NLA_ALIGNTO = 4;
    /** {@code sizeof(struct nlattr)}. */
    public static final int NLA_HDRLEN = 4;
    /** {@code nla_type} bit: the payload is a nest of attributes. */
    public static final int NLA_F_NESTED = 0x8000;
    /** {@code nla_type} bit: the payload is in network byte order. */
    public static final int NLA_F_NET_BYTEORDER = 0x4000;
    /** {@code nla_type} without the two flag bits. */
    public static final int NLA_TYPE_MASK = 0x3fff;

    /** {@code sizeof(struct genlmsghdr)}: cmd, version, reserved u16. */
    public static final int GENL_HDRLEN = 4;
    /** The generic netlink family id of nlctrl itself; every other id is assigned at run time. */
    public static final int GENL_ID_CTRL = 0x10;
    public static final int CTRL_CMD_NEWFAMILY = 1;
    public static final int CTRL_CMD_GETFAMILY = 3;
    public static final int CTRL_CMD_GETPOLICY = 10;
    public static final int CTRL_ATTR_FAMILY_ID = 1;
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    public static final int CTRL_ATTR_VERSION = 3;
    public static final int CTRL_ATTR_MCAST_GROUPS = 7;
    public static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
    public static final int CTRL_ATTR_MCAST_GRP_ID = 2;

    /** {@code sizeof(struct nlmsgerr)} without the embedded request: the error code. */
    public static final int NLMSGERR_ERROR_LEN = 4;
    public static final int NLMSGERR_ATTR_MSG = 1;
    public static final int NLMSGERR_ATTR_OFFS = 2;
    public static final int NLMSGERR_ATTR_COOKIE = 3;
    public static final int NLMSGERR_ATTR_POLICY = 4;
    public static final int NLMSGERR_ATTR_MISS_TYPE = 5;
    public static final int NLMSGERR_ATTR_MISS_NEST = 6;

    private Netlink() {
    }

    /** {@code NLA_ALIGN(n)} / {@code NLMSG_ALIGN(n)}: {@code n} rounded up to a multiple of 4. */
    public static int align(int n) {
        return (n + NLA_ALIGNTO - 1) & ~(NLA_ALIGNTO - 1);
    }
}
