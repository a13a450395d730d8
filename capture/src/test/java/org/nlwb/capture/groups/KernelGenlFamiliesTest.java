package org.nlwb.capture.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.model.Protocol;

class KernelGenlFamiliesTest {

    @Test
    void namesTheRunningKernelsFamilies() throws Exception {
        KernelGenlFamilies k = new KernelGenlFamilies(null);
        assertEquals(Optional.of("nlctrl"), k.genlFamily(0x10));
        int netdev;
        try (NetlinkSocket s = NetlinkSocket.open(Protocol.GENERIC)) {
            netdev = GenlFamilies.byName(s, "netdev").id();
        }
        assertEquals(Optional.of("netdev"), k.genlFamily(netdev));
        assertEquals(Optional.empty(), k.genlFamily(0xfff0), "an id no family has");
        assertNull(k.problem());
    }

    @Test
    void aNamespaceItCannotEnterMeansKnowingNothing() {
        KernelGenlFamilies k = new KernelGenlFamilies("nlwb-no-such-ns");
        assertEquals(Optional.empty(), k.genlFamily(0x10));
        assertTrue(k.problem().contains("no such network namespace"), k.problem());
    }
}
