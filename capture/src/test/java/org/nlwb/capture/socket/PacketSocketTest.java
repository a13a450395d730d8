package org.nlwb.capture.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.capture.sys.Sys;
import org.nlwb.decoder.testing.NeedsRoot;

/**
 * The AF_PACKET path nlmon capture uses, exercised on a veth pair (this kernel has no nlmon):
 * a frame sent out of one end is captured, byte for byte, on the other.
 */
@NeedsRoot
class PacketSocketTest {

    @Test
    void frameSentOverVethIsCapturedOnThePeer() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            ns.exec("ip", "link", "add", "pk0", "type", "veth", "peer", "name", "pk1");
            ns.exec("ip", "link", "set", "pk0", "up");
            ns.exec("ip", "link", "set", "pk1", "up");
            try (PacketSocket rx = PacketSocket.open(ns.name(), "pk1", Sys.SOCK_RAW);
                 PacketSocket tx = PacketSocket.open(ns.name(), "pk0", Sys.SOCK_RAW)) {
                byte[] frame = new byte[60];
                for (int i = 0; i < 6; i++) {
                    frame[i] = (byte) 0xff; // broadcast: the peer accepts it whatever its address
                    frame[6 + i] = (byte) (0x02 + i);
                }
                frame[12] = (byte) 0x88; // 0x88b5: IEEE local experimental ethertype
                frame[13] = (byte) 0xb5;
                for (int i = 14; i < frame.length; i++) {
                    frame[i] = (byte) i;
                }
                tx.send(frame);
                Packet p = null;
                long deadline = System.nanoTime() + 3_000_000_000L;
                while (System.nanoTime() < deadline) {
                    Packet got = rx.receive(200);
                    if (got != null && got.protocol() == 0x88b5) {
                        p = got;
                        break;
                    }
                }
                assertNotNull(p, "the frame arrived on the peer");
                assertArrayEquals(frame, p.bytes());
                assertEquals(rx.ifindex(), p.ifindex());
assertEquals(1, p.packetType(), "PACKET_BROADCAST: it was sent to ff:ff:ff:ff:ff:ff");
            }
        }
    }
}
