package org.nlwb.decoder.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.Samples;

/** The one writer of netlink messages: nlmsghdr, fixed header bytes, attributes padded to 4, nests. */
class MessageWriterTest {
    private static final int RTM_NEWLINK = 16;
    private static final int IFLA_IFNAME = 3;
    private static final int IFLA_LINKINFO = 18;

    /** {@code ip link add vethA type veth peer name vethB} as iproute2 sent it: nests without NLA_F_NESTED. */
    @Test
    void writesTheVethRequestIproute2SentByteForByte() throws Exception {
        Capture c = Loader.standard().load(Samples.project().resolve("ip-link-add-veth.pcap"), null, Protocol.UNKNOWN);
        ByteView captured = c.message(2).bytes();
        byte[] ifinfomsg = new byte[16];
        byte[] peer = MessageWriter.payload().bytes(ifinfomsg).attrString(IFLA_IFNAME, "vethB").toByteArray();
        byte[] data = MessageWriter.payload().attr(1, peer).toByteArray();
        // IFLA_INFO_KIND without its NUL, as iproute2 sends it
        byte[] linkinfo = MessageWriter.payload().attr(1, "veth".getBytes(StandardCharsets.US_ASCII)).attr(2, data).toByteArray();
        byte[] msg = MessageWriter.message(RTM_NEWLINK, captured.u16le(6), captured.u32le(8), captured.u32le(12))
                .bytes(ifinfomsg).attrString(IFLA_IFNAME, "vethA").attr(IFLA_LINKINFO, linkinfo).build();
        assertArrayEquals(captured.toArray(), msg);
    }

    @Test
    void nestsGetTheirLengthAndNlaFNestedAndPaddingIsZero() {
        byte[] msg = MessageWriter.message(RTM_NEWLINK, NlFlags.REQUEST)
                .beginNest(IFLA_LINKINFO).attrString(1, "dummy").endNest().attrU16(4, 0xbeef).build();
        ByteView m = ByteView.of(msg);
        assertEquals(16 + 4 + 12 + 8, m.u32le(0), "nlmsg_len covers everything");
        assertEquals(16, m.u16le(16), "nest nla_len: its header and the padded string attribute");
        assertEquals(IFLA_LINKINFO | Netlink.NLA_F_NESTED, m.u16le(18));
        assertEquals(10, m.u16le(20), "the string's nla_len counts its NUL, not its padding");
        assertEquals(0, m.u16le(30), "padding after \"dummy\\0\" is zero");
        assertEquals(6, m.u16le(32));
        assertEquals(0xbeef, m.u16le(36));
        assertEquals(0, msg.length % Netlink.NLA_ALIGNTO);
    }

    @Test
    void refusesWhatNetlinkCannotCarry() {
        MessageWriter open = MessageWriter.message(RTM_NEWLINK, 0).beginNest(1);
        assertThrows(IllegalStateException.class, open::build, "an unclosed nest");
        assertThrows(IllegalStateException.class, () -> MessageWriter.payload().build(), "a payload has no nlmsghdr");
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> MessageWriter.payload().attr(7, new byte[0xffff]));
        assertEquals("attribute of type 7 is 65539 bytes; nla_len is 16 bits", big.getMessage());
    }
}
