package org.nlwb.decoder.extack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.extack.ExtAckExplanation.RequestLocation;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpSpec;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.NlBuilder;

/** The kernel's extended ACKs (recorded by {@code nlwb send --write}, see the README beside them) explained. */
class ExtAckExplainerTest {
    private static final Path DIR = Path.of("src/test/resources/org/nlwb/decoder/extack");
    private static final SpecLibrary LIBRARY = SpecLibrary.standard(List.of());
    private static final SpecCatalog CATALOG = LIBRARY.load();

    /** A recorded exchange: its last request and the NLMSG_ERROR after it, decoded. */
    private record Exchange(DecodedMessage request, DecodedMessage reply) {
    }

    private static Exchange exchange(String file) throws Exception {
        DecodedCapture c = DecodedCapture.of(Loader.standard().load(DIR.resolve(file), null, Protocol.UNKNOWN),
                LIBRARY.registry(CATALOG));
        int last = c.messageCount() - 1;
        return new Exchange(c.decodeUncached(last - 1), c.decodeUncached(last));
    }

    private static Family family(String name) {
        return CATALOG.family(name).orElseThrow();
    }

    private static OpSpec op(Family f, String name) {
        return f.operations().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    private static ExtAckExplanation explain(Exchange e, String family, String op) {
        Family f = family(family);
        return ExtAckExplainer.explain(e.reply(), e.request(), f, op(f, op)).orElseThrow();
    }

    @Test
    void aPolicyViolationNamesTheAttributeItsOffsetPointsAtAndTheBoundsItBroke() throws Exception {
        Exchange e = exchange("rt-link-newlink-mtu-too-short.pcap");
        ExtAckExplanation a = explain(e, "rt-link", "newlink");
        assertEquals(-34, a.error());
        assertEquals("-ERANGE", a.errnoName());
        assertEquals("Math result not representable", a.errnoText());
        assertEquals("Attribute failed policy validation", a.message());
        RequestLocation at = a.pointer();
        assertEquals(40, at.offset());
        assertEquals(List.of("IFLA_MTU"), at.path());
        assertEquals("IFLA_MTU", at.describe());
        assertEquals("IFLA_MTU", at.node().name());
        assertEquals(40, at.node().offset(), "the attribute starts where the kernel points");
        assertEquals(6, at.node().length());
        assertEquals(new ExtAckExplanation.PolicyBounds("NL_ATTR_TYPE_U32", 0L, 4294967295L, null, null, null), a.policy());
        assertNull(a.missing());
    }

    @Test
    void anOffsetInsideNestsHasTheWholePathAndTheInnermostAttributeAsItsNode() throws Exception {
        Exchange e = exchange("rt-link-newlink-vxlan-id-too-big.pcap");
        ExtAckExplanation a = explain(e, "rt-link", "newlink");
        assertEquals("-ERANGE", a.errnoName());
        assertEquals("VXLAN ID must be lower than 16777216", a.message());
        assertEquals(List.of("IFLA_LINKINFO", "IFLA_INFO_DATA", "IFLA_VXLAN_ID"), a.pointer().path());
        assertEquals("IFLA_LINKINFO.IFLA_INFO_DATA.IFLA_VXLAN_ID", a.pointer().dottedPath());
        assertEquals("IFLA_LINKINFO > IFLA_INFO_DATA > IFLA_VXLAN_ID", a.pointer().describe());
        assertEquals(e.request().tree().child("IFLA_LINKINFO").child("IFLA_INFO_DATA").child("IFLA_VXLAN_ID"),
                a.pointer().node());
        assertNull(a.policy());
    }

    @Test
    void aMissingTopLevelAttributeIsNamedThroughTheOperationsAttributeSet() throws Exception {
        ExtAckExplanation a = explain(exchange("ethtool-linkinfo-get-no-header.pcap"), "ethtool", "linkinfo-get");
        assertNull(a.message());
        assertNull(a.pointer());
        assertEquals(1, a.missing().type());
        assertEquals("ETHTOOL_A_LINKINFO_HEADER", a.missing().name());
        assertEquals("linkinfo", a.missing().attributeSet());
        assertNull(a.missing().nest());
        assertEquals("ETHTOOL_A_LINKINFO_HEADER (1) in the message (linkinfo)", a.missing().describe());
    }

    @Test
    void aMissingAttributeInANestIsLookedUpInTheNestsSet() throws Exception {
        // The kernel here answers an empty header with a message; the same request answered with
        // NL_REQ_ATTR_CHECK's MISS_TYPE + MISS_NEST, as newer kernels send it:
        Exchange e = exchange("ethtool-linkinfo-get-empty-header.pcap");
        int headerAt = e.request().tree().child("ETHTOOL_A_LINKINFO_HEADER").offset();
        byte[] err = NlBuilder.message(ControlType.ERROR, 0x300, 1, 0, new NlBuilder().u32(-22)
                .bytes(e.request().ref().bytes().slice(0, 16).toArray())
                .attrU32(5, 1).attrU32(6, headerAt));
        Capture c = new Capture("t", "live");
        c.append(new Record(-1, Direction.FROM_KERNEL, Protocol.GENERIC, -1, -1, "recvmsg", "t", ByteView.of(err)));
        DecodedMessage reply = DecodedCapture.of(c, LIBRARY.registry(CATALOG)).decodeUncached(0);
        Family f = family("ethtool");
        ExtAckExplanation a = ExtAckExplainer.explain(reply, e.request(), f, op(f, "linkinfo-get")).orElseThrow();
        assertEquals("ETHTOOL_A_HEADER_DEV_INDEX", a.missing().name());
        assertEquals("header", a.missing().attributeSet());
        assertEquals(headerAt, a.missing().nest().offset());
        assertEquals("ETHTOOL_A_HEADER_DEV_INDEX (1) in ETHTOOL_A_LINKINFO_HEADER (header)", a.missing().describe());
    }

    @Test
    void anOffsetPastTheRequestIsSaidToBeOutsideIt() throws Exception {
        Exchange e = exchange("rt-link-newlink-mtu-too-short.pcap");
        RequestLocation at = ExtAckExplainer.locate(e.request(), e.request().tree().length());
        assertFalse(at.insideRequest());
        assertEquals("outside the request", at.describe());
        assertNull(at.dottedPath());
        assertEquals("outside the request", ExtAckExplainer.locate(null, 0).describe());
    }

    @Test
    void onlyErrorsAndDoneWithExtAckAttributesAreExplained() throws Exception {
        Exchange e = exchange("rt-link-newlink-mtu-too-short.pcap");
        Family f = family("rt-link");
        assertEquals(Optional.empty(), ExtAckExplainer.explain(e.request(), e.request(), f, op(f, "newlink")));
        // the same answer without the request at hand: still its message, the offset unplaced
        ExtAckExplanation a = ExtAckExplainer.explain(e.reply(), null, null, null).orElseThrow();
        assertEquals("Attribute failed policy validation", a.message());
        assertTrue(!a.pointer().insideRequest() && a.pointer().offset() == 40);
    }
}
