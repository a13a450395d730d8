package org.nlwb.capture.testing;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.message.MessageWriter;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.message.AttributeCursor;
import org.nlwb.decoder.message.NlFlags;

/** The rtnetlink link requests the tests send, and reading link names out of replies. */
public final class Links {
    public static final int RTM_NEWLINK = 16;
    public static final int RTM_GETLINK = 18;
    public static final int IFLA_IFNAME = 3;
    public static final int IFLA_MTU = 4;
    public static final int IFLA_LINKINFO = 18;
    public static final int IFLA_INFO_KIND = 1;
    public static final int IFLA_INFO_DATA = 2;
    public static final int VETH_INFO_PEER = 1;
    public static final int RTNLGRP_LINK = 1;

    private Links() {
    }

    /** An empty ifinfomsg: family, pad, type, index, flags, change. */
    private static MessageWriter ifinfomsg(MessageWriter b) {
        return b.u8(0).u8(0).u16(0).u32(0).u32(0).u32(0);
    }

    /** RTM_NEWLINK CREATE|EXCL|ACK of veth {@code name} with peer {@code peer} (seq and pid 0). */
    public static byte[] newVeth(String name, String peer) {
        MessageWriter b = ifinfomsg(MessageWriter.message(RTM_NEWLINK,
                NlFlags.REQUEST | NlFlags.ACK | NlFlags.CREATE | NlFlags.EXCL))
                .attrString(IFLA_IFNAME, name)
                .beginNest(IFLA_LINKINFO).attrString(IFLA_INFO_KIND, "veth")
                .beginNest(IFLA_INFO_DATA).beginNest(VETH_INFO_PEER);
        return ifinfomsg(b).attrString(IFLA_IFNAME, peer).endNest().endNest().endNest().build();
    }

    /** RTM_GETLINK dump of every link. */
    public static byte[] dumpLinks() {
        return ifinfomsg(MessageWriter.message(RTM_GETLINK, NlFlags.REQUEST | NlFlags.DUMP)).build();
    }

    /** IFLA_IFNAME of every RTM_NEWLINK among {@code messages}. */
    public static List<String> names(List<ByteView> messages) {
        List<String> out = new ArrayList<>();
        for (ByteView m : messages) {
            if (m.u16le(4) == RTM_NEWLINK) {
                String n = ifname(m);
                if (n != null) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** IFLA_IFNAME of an RTM_NEWLINK, read from the TLVs after the 16-byte ifinfomsg, or null. */
    public static String ifname(ByteView m) {
        AttributeCursor c = attributesAfter(m, 32);
        while (c.next()) {
            if (c.type() == IFLA_IFNAME) {
                return c.payloadString();
            }
        }
        return null;
    }

    /** The u16 value of top-level attribute {@code type} in the TLVs from {@code off}, or -1. */
    public static int u16Attr(ByteView m, int off, int type) {
        AttributeCursor c = attributesAfter(m, off);
        while (c.next()) {
            if (c.type() == type && c.payload().length() >= 2) {
                return c.payload().u16le(0);
            }
        }
        return -1;
    }

    /** The TLVs of message {@code m} from {@code off} to its nlmsg_len (or its bytes, if shorter). */
    private static AttributeCursor attributesAfter(ByteView m, int off) {
        return AttributeCursor.over(m, off, (int) Math.min(m.length(), m.u32le(0)));
    }

    /** ifi_flags of an RTM_NEWLINK. */
    public static long flags(ByteView m) {
        return m.u32le(24);
    }
}
