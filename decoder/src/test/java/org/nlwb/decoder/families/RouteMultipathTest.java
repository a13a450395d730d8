package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * RTA_MULTIPATH through the plugin attribute-codec hook, on `ip route add ... nexthop via ...
 * nexthop via ...` and the `ip route show` dump that lists it: every next hop strace decodes
 * (rtnh_len, rtnh_hops, RTA_GATEWAY) we decode the same, in order.
 */
class RouteMultipathTest {
    private static final Pattern STRACE_HOP = Pattern.compile(
            "\\{rtnh_len=(\\d+), rtnh_flags=\\w+, rtnh_hops=(\\d+), rtnh_ifindex=[^}]+\\}, \\[\\{nla_len=8, nla_type=RTA_GATEWAY\\}, inet_addr\\(\"([0-9.]+)\"\\)\\]");

    @Test
    void nextHopsAgreeWithStracesDecode() throws Exception {
        for (String name : List.of("ip-route-add-multipath.strace.txt", "ip-route-show-multipath.strace.txt")) {
            Path log = Samples.project().resolve(name);
            List<String> theirs = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                Matcher m = STRACE_HOP.matcher(line);
                while (m.find()) {
                    theirs.add(m.group(1) + "/" + m.group(2) + "/" + m.group(3));
                }
            }
            Capture c = Loader.standard().load(log, null, Protocol.UNKNOWN);
            MessageDecoder decoder = new MessageDecoder(RegistryFactory.standard(List.of()));
            List<String> ours = new ArrayList<>();
            for (MessageRef ref : c.messages()) {
                DecodedMessage d = decoder.decode(ref, Conversation.empty());
                assertEquals(List.of(), TreeChecks.violations(d.tree(), ref.length()), name + " #" + ref.index());
                for (Node mp : d.tree().findAll("RTA_MULTIPATH")) {
                    for (Node hop : mp.children()) {
                        if (hop.name().equals("rtnexthop")) {
                            ours.add(hop.child("rtnh_len").value() + "/" + hop.child("rtnh_hops").value() + "/"
                                    + hop.child("RTA_GATEWAY").value());
                        }
                    }
                }
            }
            assertEquals(List.of("16/0/10.0.0.2", "16/2/10.0.0.3"), ours, name);
            assertEquals(theirs, ours, name + ": strace's next hops");
        }
    }
}
