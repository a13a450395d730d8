package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;

/** Real captures decode with the kernel specs' names, and every tree keeps the tiling rule. */
class SpecDecodeCapturedTest {
    static final Registry KERNEL_SPECS = SpecLibrary.of(false, List.of(SpecLoadKernelSpecsTest.ynl())).reload();

    static List<DecodedMessage> decode(Path file) throws Exception {
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        MessageDecoder d = new MessageDecoder(KERNEL_SPECS);
        IntFunction<Conversation> conv = Conversations.of(c);
        List<DecodedMessage> out = new ArrayList<>();
        for (MessageRef m : c.messages()) {
            DecodedMessage dm = d.decode(m, conv.apply(m.index()));
            assertEquals(List.of(), TreeChecks.violations(dm.tree(), m.length()), file + " message " + m.index());
            out.add(dm);
        }
        return out;
    }

    static List<DecodedMessage> decode(String captured) throws Exception {
        return decode(Samples.shared().resolve("samples/captured").resolve(captured));
    }

    @TestFactory
    Stream<DynamicTest> everySharedSampleDecodesWithTheKernelSpecsKeepingTheTilingRule() {
        List<Path> files = Samples.dumpsUnder(Samples.shared().resolve("samples")).stream()
                .filter(p -> !p.getFileName().toString().equals("links.dump")).toList();
        assertTrue(files.size() >= 30, "shared samples expected");
        return files.stream().map(p -> DynamicTest.dynamicTest(Samples.shared().relativize(p).toString(), () -> decode(p)));
    }

    @Test
    void linkDumpRepliesAreRtmNewlinkWithSpecNames() throws Exception {
        List<DecodedMessage> ms = decode("ip-d-link-show.pcap");
        DecodedMessage lo = ms.stream().filter(m -> m.tree().child("IFLA_IFNAME") != null).findFirst().orElseThrow();
        assertEquals("rt-link", lo.className());
        assertEquals("RTM_NEWLINK", lo.typeName());
        assertEquals("lo", lo.tree().child("IFLA_IFNAME").value());
        assertEquals(65536L, lo.tree().child("IFLA_MTU").value());
        assertEquals("IFF_UP|IFF_LOOPBACK|IFF_RUNNING|IFF_LOWER_UP", lo.tree().child("ifinfomsg").child("ifi_flags").display());
        Node map = lo.tree().child("IFLA_MAP");
        assertNotNull(map.child("padding"), "rtnl_link_ifmap's 4 tail bytes are the C struct's alignment");
        assertEquals("RTM_GETLINK", ms.get(2).typeName());
    }

    @Test
    void genlCtrlListNamesEveryFamilyWithNlctrlsSpec() throws Exception {
        List<DecodedMessage> ms = decode("genl-ctrl-list.pcap");
        assertEquals("CTRL_CMD_GETFAMILY", ms.get(0).typeName());
        assertEquals("GENL_ID_CTRL", ms.get(0).tree().child("nlmsghdr").child("nlmsg_type").display(),
                "in generic netlink nlmsg_type is the family id, the cmd is the message type");
        List<String> families = new ArrayList<>();
        for (DecodedMessage m : ms.subList(1, ms.size())) {
            if (m.tree().child("CTRL_ATTR_FAMILY_NAME") != null) {
                assertEquals("CTRL_CMD_NEWFAMILY", m.typeName());
                assertEquals("nlctrl", m.className());
                families.add((String) m.tree().child("CTRL_ATTR_FAMILY_NAME").value());
            }
        }
        assertEquals(15, families.size(), families.toString());
        assertTrue(families.contains("nlctrl") && families.contains("netdev"), families.toString());
        Node ops = ms.get(1).tree().child("CTRL_ATTR_OPS");
        assertEquals(3L, ops.child("[1]").child("CTRL_ATTR_OP_ID").value());
    }

    @Test
    void addressAndRouteDumpsUseRtAddrAndRtRoute() throws Exception {
        DecodedMessage addr = decode("ip-addr-show.pcap").stream().filter(m -> "RTM_NEWADDR".equals(m.typeName()))
                .findFirst().orElseThrow();
        assertEquals("rt-addr", addr.className());
        assertEquals("127.0.0.1", addr.tree().child("IFA_ADDRESS").value());
        assertEquals("lo", addr.tree().child("IFA_LABEL").value());
        DecodedMessage route = decode("ip-route-show.pcap").stream().filter(m -> "RTM_NEWROUTE".equals(m.typeName()))
                .findFirst().orElseThrow();
        assertEquals("rt-route", route.className());
        assertEquals("192.0.2.1", route.tree().child("RTA_GATEWAY").value());
    }
}
