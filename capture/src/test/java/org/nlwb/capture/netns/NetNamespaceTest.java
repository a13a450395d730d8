package org.nlwb.capture.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.capture.sys.SysException;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.testing.NeedsRoot;

class NetNamespaceTest {

    private static String netnsOf(String where) throws Exception {
        return Files.readSymbolicLink(Path.of(where)).toString();
    }

    @Test
    @NeedsRoot
    void workRunsInsideTheNamespaceWhileTheCallerStaysHome() throws Exception {
        String home = netnsOf("/proc/thread-self/ns/net");
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            String inside = NetNamespace.inside(ns.name(), "read netns", () -> netnsOf("/proc/thread-self/ns/net"));
            long inode = (Long) Files.getAttribute(NetNamespace.path(ns.name()), "unix:ino");
            assertFalse(inside.equals(home), "the worker thread entered another namespace");
            assertEquals(home, netnsOf("/proc/thread-self/ns/net"), "the calling thread did not move");
            assertEquals("net:[" + inode + "]", inside, "it is the named namespace");
        }
    }

    @Test
    @NeedsRoot
    void throwawayNamespaceIsGoneAfterClose() throws Exception {
        String name;
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            name = ns.name();
            assertTrue(NetNamespace.exists(name));
        }
        assertFalse(NetNamespace.exists(name));
    }

    @Test
    void unknownNamespaceIsNamedInTheError() {
        SysException e = assertThrows(SysException.class,
                () -> NetlinkSocket.openIn("nlwb-no-such-ns", Protocol.ROUTE));
        assertEquals("open a NETLINK_ROUTE socket in netns nlwb-no-such-ns: no such network namespace "
                + "(/var/run/netns/nlwb-no-such-ns): ENOENT (No such file or directory)", e.getMessage());
    }

    @Test
    void permissionFailureNamesTheCapability() {
        SysException e = new SysException("open a NETLINK_ROUTE socket in netns X", 1, "CAP_SYS_ADMIN (setns)");
        assertEquals("open a NETLINK_ROUTE socket in netns X needs CAP_SYS_ADMIN (setns): EPERM (Operation not permitted)",
                e.getMessage());
        assertTrue(e.isPermission());
    }
}
