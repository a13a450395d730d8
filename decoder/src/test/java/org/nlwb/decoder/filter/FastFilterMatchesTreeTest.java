package org.nlwb.decoder.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.tree.Node;

/**
 * The fast filter keeps exactly the messages the full-tree filter keeps, on every sample of the
 * project and the shared reference set: for a list of filters of every kind (header, attribute,
 * nested attribute, fixed-header member, display names, {@code !=}, {@code contains}, presence,
 * {@code && || !}), for every node name each sample's trees hold (present, and equal to its
 * first value), and for filters jqwik puts together from those.
 */
class FastFilterMatchesTreeTest {
    private static final Registry REGISTRY = RegistryFactory.standard(List.of());
    private static final List<Sample> SAMPLES = samples();

    static final List<String> FILTERS = List.of(
            "type == RTM_NEWLINK", "type == 16", "type != NLMSG_ERROR", "type contains NEW", "type > 20",
            "type == NLMSG_DONE", "type == CTRL_CMD_NEWFAMILY", "type == \"RTM_NEWADDR\"",
            "flags contains DUMP", "flags == 0x300", "flags contains MULTI", "flags contains ACK", "flags > 1",
            "seq > 0", "len < 100", "pid > 0", "direction == reply", "direction == out", "direction == notification",
            "protocol == route", "protocol == NETLINK_GENERIC", "error != 0", "error == 0", "error", "!error",
            "error contains EEXIST", "error == -17", "error < 0",
            "IFLA_IFNAME == \"lo\"", "IFLA_IFNAME == lo", "IFLA_IFNAME contains \"veth\"", "IFLA_IFNAME != \"lo\"",
            "IFLA_MTU > 1500", "IFLA_MTU == 65536", "IFLA_MTU", "!IFLA_MTU", "IFLA_OPERSTATE == IF_OPER_UP",
            "IFLA_OPERSTATE == 6", "IFLA_INFO_KIND == \"veth\"", "IFLA_LINKINFO", "IFLA_AF_SPEC", "IFLA_INET6_FLAGS",
            "IFLA_STATS64", "IFLA_ADDRESS contains \"00\"", "IFLA_ALT_IFNAME", "IFLA_PROP_LIST",
            "IFA_LABEL contains \"e\"", "IFA_ADDRESS == \"127.0.0.1\"", "IFA_FLAGS contains PERMANENT", "IFA_CACHEINFO",
            "ifa_index == 1", "ifa_family == AF_INET6", "ifi_index > 1", "ifi_flags contains UP", "rtm_table == main",
            "rtm_type == RTN_UNICAST", "RTA_DST", "RTA_OIF == 2", "RTA_MULTIPATH", "RTA_GATEWAY", "RTA_ENCAP",
            "rtnexthop", "rtnh_ifindex > 0", "NDA_DST", "ndm_state contains REACHABLE", "tcm_handle", "TCA_KIND == \"u32\"",
            "CTRL_ATTR_FAMILY_NAME == \"nlctrl\"", "CTRL_ATTR_OP_ID > 1", "CTRL_ATTR_MCAST_GRP_NAME", "cmd == 1",
            "NLMSGERR_ATTR_MSG contains \"\"", "msg", "nlmsg_seq > 0", "nlmsg_flags contains REQUEST", "value",
            "payload", "malformed", "padding", "RTM_NEWLINK", "NLMSG_ERROR", "NLMSG_DONE", "genlmsghdr",
            "ETHTOOL_A_HEADER_DEV_NAME", "ACTION == add", "nlmsghdr",
            "type == RTM_NEWLINK && IFLA_IFNAME == \"lo\"", "IFLA_IFNAME == \"lo\" && type == RTM_NEWLINK",
            "type == RTM_NEWADDR || IFLA_MTU > 1000", "!(type == RTM_NEWLINK) && IFA_LABEL",
            "!(IFLA_IFNAME == \"lo\" || error != 0)", "flags contains DUMP && (RTA_OIF || ifa_index == 2)",
            "IFLA_MTU > 1500 || seq == 0", "!(direction == request) && IFLA_LINKINFO && IFLA_INFO_KIND != \"veth\"");

    record Sample(DecodedCapture capture, List<DecodedMessage> trees) {
        int[] treeKept(Filter f) {
            return IntStream.range(0, trees.size()).filter(i -> f.test(trees.get(i))).toArray();
        }

        int[] fastKept(Filter f) {
            FastFilter fast = FastFilter.of(f, capture);
            return IntStream.range(0, trees.size()).filter(fast).toArray();
        }
    }

    private static List<Sample> samples() {
        List<Path> files = new ArrayList<>(Samples.dumpsUnder(Samples.project()));
        files.addAll(Samples.dumpsUnder(Samples.shared().resolve("samples")));
        List<Sample> out = new ArrayList<>();
        for (Path p : files) {
            try {
                Capture c = Loader.standard().load(p, null, Protocol.UNKNOWN);
                DecodedCapture d = DecodedCapture.of(c, REGISTRY);
                List<DecodedMessage> trees = new ArrayList<>();
                d.messages().forEach(trees::add);
                out.add(new Sample(d, trees));
            } catch (UnreadableInputException e) {
                // a sample made to be unreadable has no messages to filter
            } catch (Exception e) {
                throw new IllegalStateException(p.toString(), e);
            }
        }
        return out;
    }

    private static void assertSameOnEverySample(Filter f) {
        for (Sample s : SAMPLES) {
            assertArrayEquals(s.treeKept(f), s.fastKept(f), s.capture().capture().source() + ": " + f.text());
        }
    }

    @Test
    void everyListedFilterKeepsWhatTheTreeKeepsOnEverySample() throws FilterSyntaxException {
        assertTrue(SAMPLES.size() > 40, SAMPLES.size() + " samples");
        int kept = 0;
        for (String text : FILTERS) {
            Filter f = Filter.parse(text);
            assertSameOnEverySample(f);
            for (Sample s : SAMPLES) {
                kept += s.treeKept(f).length;
            }
        }
        assertTrue(kept > 1000, kept + " messages kept in all"); // the filters do select things
    }

    @Test
    void everyNodeNameOfEverySampleIsFoundAsTheTreeFindsIt() {
        int names = 0;
        for (Sample s : SAMPLES) {
            Map<String, Node> first = new LinkedHashMap<>();
            s.trees().forEach(m -> m.tree().walk(n -> first.putIfAbsent(n.name(), n)));
            for (Node n : first.values()) {
                String eq = Filter.expressionFor(n);
                if (eq == null) {
                    continue;
                }
                for (String text : List.of(n.name(), eq, "!(" + eq + ")", n.name() + " contains \"1\"")) {
                    Filter f;
                    try {
                        f = Filter.parse(text);
                    } catch (FilterSyntaxException e) {
                        continue; // a node name the language cannot spell
                    }
                    assertArrayEquals(s.treeKept(f), s.fastKept(f), s.capture().capture().source() + ": " + text);
                    names++;
                }
            }
        }
        assertTrue(names > 2000, names + " filters");
    }

    @Test
    void aFilterThatFailsOnTheHeaderDecodesNothingForTheAttributeSide() throws FilterSyntaxException {
        Sample links = SAMPLES.stream().filter(s -> s.capture().capture().source().contains("ip-link-show.pcap"))
                .findFirst().orElseThrow();
        FastFilter f = FastFilter.of(Filter.parse("IFLA_IFNAME == \"lo\" && type == NLMSG_NOOP"), links.capture());
        IntStream.range(0, links.trees().size()).forEach(f::test);
        assertTrue(f.tested() > 0);
        assertTrue(f.fullDecodes() == 0, f.fullDecodes() + " decoded in full");
    }

    @Test
    void aForcedClassIsFilteredAsItIsDecoded() throws Exception {
        for (String name : List.of("ip-link-show.pcap", "ip-addr-show.pcap", "ip-route-add-multipath.pcap")) {
            Capture c = Loader.standard().load(Samples.project().resolve(name), null, Protocol.UNKNOWN);
            for (String forced : List.of("rt-link", "rt-addr", "nlctrl")) {
                DecodedCapture d = new DecodedCapture(c, REGISTRY,
                        org.nlwb.decoder.pipeline.ConversationPolicy.captureOnly(), forced);
                List<DecodedMessage> trees = new ArrayList<>();
                d.messages().forEach(trees::add);
                Sample s = new Sample(d, trees);
                for (String text : FILTERS) {
                    Filter f = Filter.parse(text);
                    assertArrayEquals(s.treeKept(f), s.fastKept(f), name + " as " + forced + ": " + text);
                }
            }
        }
    }

    @Property(tries = 200)
    void generatedFiltersKeepWhatTheTreeKeeps(@ForAll("filters") String text) throws FilterSyntaxException {
        assertSameOnEverySample(Filter.parse(text));
    }

    @Provide
    Arbitrary<String> filters() {
        Arbitrary<String> atom = Arbitraries.of(FILTERS.subList(0, FILTERS.size() - 8));
        return Arbitraries.recursive(() -> atom, inner -> Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(inner, inner).as((a, b) -> "(" + a + ") && (" + b + ")"),
                net.jqwik.api.Combinators.combine(inner, inner).as((a, b) -> "(" + a + ") || (" + b + ")"),
                inner.map(a -> "!(" + a + ")")), 3);
    }

    static String show(int[] a) {
        return Arrays.toString(a);
    }
}
