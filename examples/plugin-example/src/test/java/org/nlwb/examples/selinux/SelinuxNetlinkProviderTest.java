package org.nlwb.examples.selinux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.TreeChecks;

/** The plugin is found through ServiceLoader and decodes a SELNL_MSG_SETENFORCE notification. */
class SelinuxNetlinkProviderTest {

    @Test
    void setenforceNotificationDecodesThroughThePlugin() {
        // nlmsghdr: len 20, type 0x10, flags 0, seq 0, pid 0; body: val = 1
        byte[] bytes = HexFormat.of().parseHex("14000000100000000000000000000000" + "01000000");
        Capture c = new Capture("test", "hex");
        c.append(new Record(-1, Direction.FROM_KERNEL, SelinuxNetlinkProvider.NETLINK_SELINUX, -1, -1, null, "test",
                org.nlwb.decoder.bytes.ByteView.of(bytes)));
        Registry registry = Registry.builder().loadProviders(getClass().getClassLoader()).build();
        DecodedMessage m = new MessageDecoder(registry).decode(c.message(0), Conversation.empty());
        assertEquals("selinux", m.className());
        assertEquals("SELNL_MSG_SETENFORCE", m.typeName());
        assertEquals(1L, m.tree().child("selnl_msg_setenforce").child("val").value());
        assertEquals("SELinux 1 (enforcing)", m.summary());
        assertEquals(List.of(), TreeChecks.violations(m.tree(), bytes.length));
    }
}
