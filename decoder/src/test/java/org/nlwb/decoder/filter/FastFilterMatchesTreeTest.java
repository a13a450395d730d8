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
 * containers, fields inside rt-route's Java codecs, {@code && || !}), for every node name each
 * sample's trees hold (present, and equal to its first value), and for filters jqwik puts together
 * from those, with and without a Java codec's field in each.
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

    /**
     * Fields of rt-route's Java codecs (RTA_MULTIPATH, RTA_VIA, the seg6 SRH in RTA_ENCAP) and
     * fields beside or inside them, containers and presence tests among them: the fast filter
     * answers these by decoding one attribute alone, or from the attribute headers.
     */
    static final List<String> JAVA_CODEC_FILTERS = List.of(
            "RTA_MULTIPATH", "RTA_MULTIPATH contains \"next hops\"", "rtnexthop", "rtnexthop contains \"weight 1\"",
            "rtnh_ifindex == 2", "rtnh_hops == 0", "rtnh_flags", "RTA_GATEWAY == 10.0.0.3", "RTA_GATEWAY contains \"fe80\"",
            "RTA_VIA", "RTA_VIA contains AF_INET6", "rtvia_family == AF_INET6", "rtvia_addr contains \"fe80\"",
            "RTA_ENCAP", "RTA_ENCAP contains seg6", "RTA_ENCAP_TYPE == LWTUNNEL_ENCAP_SEG6", "SEG6_IPTUNNEL_SRH",
            "SEG6_IPTUNNEL_SRH contains \"2001:db8::2\"", "segments_left == 1", "hdrlen > 2", "RTA_OIF > 0", "RTA_DST",
            "RTA_TABLE == 254", "IFLA_LINKINFO contains \"bytes\"", "IFLA_INFO_DATA", "IFLA_AF_SPEC", "IFLA_STATS",
            "rx_packets > 0", "IFLA_VFINFO_LIST", "NDA_DST contains \"10.7\"", "NDA_CACHEINFO");

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

    @Test
    void everyJavaCodecFilterKeepsWhatTheTreeKeepsOnEverySample() throws FilterSyntaxException {
        int kept = 0;
        for (String text : JAVA_CODEC_FILTERS) {
            Filter f = Filter.parse(text);
            assertSameOnEverySample(f);
            for (Sample s : SAMPLES) {
                kept += s.treeKept(f).length;
            }
        }
        assertTrue(kept > 100, kept + " messages kept in all");
    }

    /**
     * The routes whose RTA_MULTIPATH, RTA_VIA or RTA_ENCAP a Java codec decodes, and links whose
     * IFLA_LINKINFO is asked for, are answered without a whole decode (the point of the fast
     * filter): each of these filters keeps some message of the samples, and decodes in full none
     * but acknowledgements and frames without a header.
     */
    @Test
    void fieldsInAndBesideJavaCodecsAreFoundWithoutAWholeDecode() throws FilterSyntaxException {
        List<Sample> routes = SAMPLES.stream().filter(s -> List.of("ip-route-add-multipath.pcap",
                "ip-route-show-multipath.pcap", "kernel-ip-route-add-seg6.strace.txt", "kernel-ip-route-add-via.strace.txt",
                "ip-link-add-veth.pcap", "ip-link-show.pcap").stream().anyMatch(n -> s.capture().capture().source().endsWith(n)))
                .toList();
        assertTrue(routes.size() == 6, routes.size() + " samples");
        for (String text : List.of("RTA_MULTIPATH", "rtnh_ifindex > 0", "RTA_GATEWAY", "RTA_VIA", "rtvia_addr",
                "RTA_ENCAP", "SEG6_IPTUNNEL_SRH", "segments_left == 1", "RTA_ENCAP_TYPE", "RTA_OIF > 0", "IFLA_LINKINFO",
                "IFLA_INFO_KIND == \"veth\"", "IFLA_MTU > 1000", "NDA_DST")) {
            Filter f = Filter.parse(text);
            int kept = 0;
            for (Sample s : routes) {
                FastFilter fast = FastFilter.of(f, s.capture());
                kept += IntStream.range(0, s.trees().size()).filter(fast).count();
                // an ack's echoed request is decoded by its own class; a frame without header has no head
                long headless = s.trees().stream().filter(m -> m.typeName().equals("NLMSG_ERROR")
                        || m.typeName().equals("trailing")).count();
                assertTrue(fast.fullDecodes() <= headless, s.capture().capture().source() + ": " + text + " decoded "
                        + fast.fullDecodes() + " in full");
            }
            assertTrue(kept > 0 || text.equals("NDA_DST"), text + " keeps nothing");
        }
    }

    @Property(tries = 200)
    void generatedFiltersKeepWhatTheTreeKeeps(@ForAll("filters") String text) throws FilterSyntaxException {
        assertSameOnEverySample(Filter.parse(text));
    }

    @Property(tries = 100)
    void generatedFiltersWithAJavaCodecFieldKeepWhatTheTreeKeeps(@ForAll("withJavaCodecFields") String text)
            throws FilterSyntaxException {
        assertSameOnEverySample(Filter.parse(text));
    }

    @Provide
    Arbitrary<String> filters() {
        return combinations(Arbitraries.of(atoms()));
    }

    /** Combinations of which one side at least is a field in or beside a Java codec. */
    @Provide
    Arbitrary<String> withJavaCodecFields() {
        Arbitrary<String> codec = Arbitraries.of(JAVA_CODEC_FILTERS);
        Arbitrary<String> any = combinations(Arbitraries.of(atoms()));
        return Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(codec, any).as((a, b) -> "(" + a + ") && (" + b + ")"),
                net.jqwik.api.Combinators.combine(any, codec).as((a, b) -> "(" + a + ") || (" + b + ")"),
                net.jqwik.api.Combinators.combine(codec, any).as((a, b) -> "!(" + a + ") && !(" + b + ")"),
                net.jqwik.api.Combinators.combine(codec, codec).as((a, b) -> "(" + a + ") || !(" + b + ")"));
    }

    /** The single filters of both lists (the last 8 listed are combinations already). */
    private static List<String> atoms() {
        List<String> out = new ArrayList<>(FILTERS.subList(0, FILTERS.size() - 8));
        out.addAll(JAVA_CODEC_FILTERS);
        return out;
    }

    private static Arbitrary<String> combinations(Arbitrary<String> atom) {
        return Arbitraries.recursive(() -> atom, inner -> Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(inner, inner).as((a, b) -> "(" + a + ") && (" + b + ")"),
                net.jqwik.api.Combinators.combine(inner, inner).as((a, b) -> "(" + a + ") || (" + b + ")"),
                inner.map(a -> "!(" + a + ")")), 3);
    }

    static String show(int[] a) {
        return Arrays.toString(a);
    }
}
