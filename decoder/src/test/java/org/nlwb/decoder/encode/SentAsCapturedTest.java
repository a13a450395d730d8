package org.nlwb.decoder.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.Samples;

/**
 * What real tools send that differs from what a spec implies, said by the description only where
 * it differs (samples/kernel-*): iproute2's u32 RTA_EXPIRES of a u64 spec ({@code "size"}),
 * NLA_F_NESTED on a sub-message ({@code "$nested"}: iproute2's RTA_ENCAP, nft's object data),
 * RTA_ENCAP before the RTA_ENCAP_TYPE that selects its layout, and ethtool 6.1's uninitialised
 * padding ({@code "$pad"}), nfnetlink_log's packed struct sent as 6 of its 8 bytes ({@code "$size"}).
 * Each describes and encodes again to its captured bytes; a
 * hand-written description without these keys encodes as the spec says.
 */
class SentAsCapturedTest {
    private static final SpecLibrary LIBRARY = SpecLibrary.of(true, List.of());
    private static final SpecCatalog CATALOG = LIBRARY.load();
    private static final MessageDecoder DECODER = new MessageDecoder(LIBRARY.registry(CATALOG));
    private static final MessageEncoder ENCODER = new MessageEncoder(CATALOG);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A captured request, its description, and the bytes the description encodes to. */
    private record Replayed(byte[] captured, Request description, byte[] encoded) {
        JsonNode values() {
            return description.values();
        }
    }

    private static Replayed replay(String sample, int index) throws Exception {
        Path file = Samples.project().resolve(sample);
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        MessageRef ref = c.message(index);
        DecodedMessage m = DECODER.decode(ref, Conversations.of(c).apply(index));
        Request r = RequestDescriber.describe(CATALOG.family(m.className()).orElseThrow(), m);
        int type = ref.type();
        return new Replayed(ref.bytes().toArray(), r, ENCODER.encode(r, name -> type).bytes());
    }

    @Test
    void aU32ExpiresOfAU64SpecSaysItsSizeAndEncodesAtIt() throws Exception {
        Replayed r = replay("kernel-ip-route-add-expires.strace.txt", 2);
        assertEquals("{\"value\":300,\"size\":4}", r.values().get("expires").toString());
        assertArrayEquals(r.captured(), r.encoded());
        // the same value without the size: the spec's u64
        Request plain = Request.of("rt-route", "newroute", false, JSON.readTree("{\"expires\": 300}"));
        byte[] b = ENCODER.encode(plain, n -> 0).bytes();
        assertEquals(12, ByteView.of(b).u16le(28), "nla_len of an 8-byte RTA_EXPIRES");
    }

    @Test
    void aSizeIsRangeCheckedForItsWidthAndMustBeAWholeScalar() throws Exception {
        String wide = error("{\"expires\": {\"value\": 70000, \"size\": 2}}");
        assertTrue(wide.startsWith("expires:") && wide.contains("out of range for u16"), wide);
        String odd = error("{\"expires\": {\"value\": 1, \"size\": 3}}");
        assertTrue(odd.contains("expires.size") && odd.contains("1, 2, 4 or 8"), odd);
        String other = error("{\"expires\": {\"value\": 1, \"width\": 4}}");
        assertTrue(other.contains("expires.width") && other.contains("only \"value\" and \"size\""), other);
    }

    @Test
    void anEncapBeforeItsTypeWithNlaFNestedReplaysInTheCapturedOrder() throws Exception {
        Replayed r = replay("kernel-ip-route-add-seg6.strace.txt", 2);
        List<String> keys = names(r.values().fieldNames());
        assertTrue(keys.indexOf("encap") < keys.indexOf("encap-type"), "captured order kept: " + keys);
        assertTrue(r.values().get("encap").get("$nested").asBoolean(), r.values().toString());
        assertArrayEquals(r.captured(), r.encoded());
        // without $nested the sub-message goes without the flag, as before
        ((com.fasterxml.jackson.databind.node.ObjectNode) r.values().get("encap")).remove("$nested");
        byte[] plain = ENCODER.encode(r.description(), n -> 0).bytes();
        assertEquals(0x16, ByteView.of(plain).u16le(50), "RTA_ENCAP's nla_type without NLA_F_NESTED");
    }

    @Test
    void nftObjectDataCarriesNlaFNestedAsSent() throws Exception {
        Replayed r = replay("kernel-nft-add-objects.strace.txt", 8);
        assertTrue(r.values().get("data").get("$nested").asBoolean(), r.values().toString());
        assertArrayEquals(r.captured(), r.encoded());
    }

    @Test
    void nonZeroPaddingIsKeptBesideTheValueItFollows() throws Exception {
        Replayed r = replay("kernel-ethtool-show.strace.txt", 88);
        assertTrue(r.values().toString().contains("\"$pad\""), r.values().toString());
        assertArrayEquals(r.captured(), r.encoded());
        String e = assertThrows(EncodeException.class, () -> ENCODER.encode(Request.of("rt-link", "getlink", false,
                JSON.readTree("{\"ifname\": {\"$value\": \"lo\", \"$pad\": \"0102\"}}")), n -> 0)).getMessage();
        assertTrue(e.contains("ifname.$pad") && e.contains("2 padding bytes given, the attribute has 1"), e);
    }

    @Test
    void aPackedStructSentWithoutItsTailPaddingSaysItsSize() throws Exception {
        Replayed r = replay("kernel-nflog.strace.txt", 2);
        assertEquals(6, r.values().get("mode").get("$size").asInt(), r.values().toString());
        assertArrayEquals(r.captured(), r.encoded());
        String e = assertThrows(EncodeException.class, () -> ENCODER.encode(Request.of("rt-link", "getlink", false,
                JSON.readTree("{\"ifinfomsg\": {\"$size\": 4}, \"ifi-index\": 7}")), n -> 0)).getMessage();
        assertTrue(e.contains("$size") && e.contains("not zero"), e);
    }

    @Test
    void anIndexedArrayItemNumberedOtherwiseSaysItsIndexAndTheRestCountOn() throws Exception {
        JsonNode values = JSON.readTree("{\"tab\": [{\"$index\": 0, \"$value\": {\"index\": 5}}, {\"index\": 6}]}");
        byte[] b = ENCODER.encode(Request.of("tc", "getaction", false, values).withNestedFlag(false), n -> 0).bytes();
        ByteView v = ByteView.of(b);
        // nlmsghdr 16, tcamsg 4, TCA_ROOT_TAB 4, then the items: type 0 (as given), then 1
        assertEquals(0, v.u16le(26), "first item's nla_type");
        assertEquals(1, v.u16le(26 + v.u16le(24)), "the next one counts on");
        DecodedMessage m = DECODER.decode(message(b), null);
        Request again = RequestDescriber.describe(CATALOG.family("tc").orElseThrow(), m);
        assertEquals(values.toString(), again.values().toString());
        // the spec's own count (from 1) needs no index
        JsonNode plain = JSON.readTree("{\"tab\": [{\"index\": 5}]}");
        byte[] p = ENCODER.encode(Request.of("tc", "getaction", false, plain).withNestedFlag(false), n -> 0).bytes();
        assertEquals(plain.toString(), RequestDescriber.describe(CATALOG.family("tc").orElseThrow(),
                DECODER.decode(message(p), null)).values().toString());
    }

    private static MessageRef message(byte[] b) {
        org.nlwb.decoder.model.Record rec = new org.nlwb.decoder.model.Record(0, org.nlwb.decoder.model.Direction.TO_KERNEL,
                0, 0, 0, "sendto", "test", ByteView.of(b));
        return new MessageRef(0, 0, rec, org.nlwb.decoder.message.FrameKind.MESSAGE, 0, b.length, null);
    }

    @Test
    void aCleanRequestsDescriptionHasNoneOfTheseKeys() throws Exception {
        Replayed r = replay("kernel-ip-route-add-via.strace.txt", 2);
        String s = r.values().toString();
        assertFalse(s.contains("$nested") || s.contains("$pad") || s.contains("\"size\""), s);
        assertArrayEquals(r.captured(), r.encoded());
    }

    private static String error(String values) throws Exception {
        Request r = Request.of("rt-route", "newroute", false, JSON.readTree(values));
        return assertThrows(EncodeException.class, () -> ENCODER.encode(r, n -> 0)).getMessage();
    }

    private static List<String> names(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
