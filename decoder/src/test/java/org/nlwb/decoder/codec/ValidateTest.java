package org.nlwb.decoder.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;

/**
 * validate() says what {@code nlwb send} would say about a value, in the same words at the same
 * path, without building a message; checked against the encoder on requests of the built-in specs.
 */
class ValidateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MessageEncoder ENCODER = new MessageEncoder(EditorHintTest.BUILTIN);
    private static final FamilyCodecs LINK = EditorHintTest.codecs("rt-link");
    private static final FamilyCodecs ADDR = EditorHintTest.codecs("rt-addr");

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    /** The encoder's error for {@code op} of {@code family} with {@code values}, as text. */
    private static String encoderSays(String family, String op, String values) throws Exception {
        Request r = Request.of(family, op, false, json(values));
        return assertThrows(EncodeException.class, () -> ENCODER.encode(r, name -> 0x20)).getMessage();
    }

    private static String problem(Optional<Problem> p) {
        assertTrue(p.isPresent(), "a problem is found");
        return p.get().text();
    }

    @Test
    void goodValuesAreTakenAsTheEncoderTakesThem() throws Exception {
        assertEquals(Optional.empty(), LINK.field("link-attrs", "ifname").validate(json("\"veth0\""), "ifname"));
        assertEquals(Optional.empty(), LINK.field("link-attrs", "mtu").validate(json("\"0x5dc\""), "mtu"));
        assertEquals(Optional.empty(), LINK.field("link-attrs", "operstate").validate(json("\"IF_OPER_UP\""), "operstate"));
        assertEquals(Optional.empty(), ADDR.field("addr-attrs", "local").validate(json("\"10.0.0.1\""), "local"), "IPv4 text");
        assertEquals(Optional.empty(), ADDR.field("addr-attrs", "flags").validate(json("\"permanent|nodad\""), "flags"));
        assertEquals(Optional.empty(), LINK.field("link-attrs", "ifname").validate(json("{\"$hex\": \"6c6f00\"}"), "ifname"),
                "raw bytes are always taken");
    }

    @Test
    void aWrongValueGetsTheEncodersWordsAtItsPath() throws Exception {
        assertEquals(encoderSays("rt-link", "newlink", "{\"ifname\": 42}"),
                problem(LINK.field("link-attrs", "ifname").validate(json("42"), "ifname")));
        assertEquals("mtu: -1 is out of range for u32 (0..4294967295)",
                problem(LINK.field("link-attrs", "mtu").validate(json("-1"), "mtu")));
        assertEquals(encoderSays("rt-link", "newlink", "{\"mtu\": 4294967296}"),
                problem(LINK.field("link-attrs", "mtu").validate(json("4294967296"), "mtu")));
        assertEquals(encoderSays("rt-addr", "newaddr", "{\"local\": \"10.0.0\"}"),
                problem(ADDR.field("addr-attrs", "local").validate(json("\"10.0.0\""), "local")));
        String enumProblem = problem(LINK.field("link-attrs", "operstate").validate(json("\"upp\""), "operstate"));
        assertEquals(encoderSays("rt-link", "newlink", "{\"operstate\": \"upp\"}"), enumProblem);
        assertTrue(enumProblem.contains("(did you mean up?)"), enumProblem);
        assertEquals(encoderSays("rt-addr", "newaddr", "{\"flags\": \"permanent|sticky\"}"),
                problem(ADDR.field("addr-attrs", "flags").validate(json("\"permanent|sticky\""), "flags")));
        assertEquals(encoderSays("rt-addr", "newaddr", "{\"flags\": [\"permanent\"]}"),
                problem(ADDR.field("addr-attrs", "flags").validate(json("[\"permanent\"]"), "flags")),
                "an array of flag names is not taken by an attribute: it would be multi-attr");
        assertEquals("ifname: ifname in link-attrs is not multi-attr: give one string value, not an array",
                problem(LINK.field("link-attrs", "ifname").validate(json("[\"a\", \"b\"]"), "ifname")));
    }

    @Test
    void aSubMessageIsCheckedAgainstTheSelectorAroundIt() throws Exception {
        Field data = LINK.field("linkinfo-attrs", "data");
        JsonNode veth = json("{\"peer\": {\"ifname\": \"v1\"}}");
        ObjectNode linkinfo = (ObjectNode) json("{\"kind\": \"veth\"}");
        assertEquals(Optional.empty(), data.validate(veth, "linkinfo.data", List.of(linkinfo)));
        assertEquals(encoderSays("rt-link", "newlink", "{\"linkinfo\": {\"data\": {}}}"),
                problem(data.validate(json("{}"), "linkinfo.data")), "no selector anywhere");
        ObjectNode vlan = (ObjectNode) json("{\"kind\": \"veht\"}");
        assertEquals(encoderSays("rt-link", "newlink", "{\"linkinfo\": {\"kind\": \"veht\", \"data\": {}}}"),
                problem(data.validate(json("{}"), "linkinfo.data", List.of(vlan))));
        String deep = problem(data.validate(json("{\"peer\": {\"mtu\": \"big\"}}"), "linkinfo.data", List.of(linkinfo)));
        assertEquals(encoderSays("rt-link", "newlink",
                "{\"linkinfo\": {\"kind\": \"veth\", \"data\": {\"peer\": {\"mtu\": \"big\"}}}}"), deep);
        assertTrue(deep.startsWith("linkinfo.data.peer.mtu: "), "the problem is placed at the leaf: " + deep);
    }

    @Test
    void fixedHeaderMembersAreValidatedAsTheEncoderWritesThem() throws Exception {
        assertEquals(Optional.empty(), ADDR.validateMember("ifaddrmsg", "ifa-family", json("\"inet6\""), "ifa-family"));
        assertEquals(Optional.empty(), ADDR.validateMember("ifaddrmsg", "ifa-flags", json("[\"permanent\", \"nodad\"]"),
                "ifa-flags"), "a member takes flags as an array of names");
        assertEquals(encoderSays("rt-addr", "newaddr", "{\"ifa-family\": \"inet7\"}"),
                problem(ADDR.validateMember("ifaddrmsg", "ifa-family", json("\"inet7\""), "ifa-family")));
        assertEquals(encoderSays("rt-addr", "newaddr", "{\"ifa-prefixlen\": 256}"),
                problem(ADDR.validateMember("ifaddrmsg", "ifa-prefixlen", json("256"), "ifa-prefixlen")));
        assertTrue(problem(ADDR.validateMember("ifaddrmsg", "ifa-colour", json("1"), "ifa-colour"))
                .startsWith("ifa-colour: struct ifaddrmsg has no member 'ifa-colour'"));
    }
}
