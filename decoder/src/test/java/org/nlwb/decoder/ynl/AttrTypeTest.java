package org.nlwb.decoder.ynl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attribute and member types, display hints and checks are read once from the spec text, and only known ones. */
class AttrTypeTest {
    private static final String SPEC = """
            name: t
            protocol: netlink-raw
            protonum: 0
            doc: types
            definitions:
              - { name: max-name, type: const, value: 15 }
              - name: hdr
                type: struct
                members:
                  - { name: a, type: u8 }
                  - { name: mac, type: binary, len: 6, display-hint: mac }
                  - { name: b, type: s32, byte-order: big-endian }
            attribute-sets:
              - name: attrs
                attributes:
                  - { name: name, type: string, checks: { max-len: max-name - 1 } }
                  - { name: mtu, type: u32, checks: { min: 68, max: u32-max } }
                  - { name: addr, type: binary, display-hint: ipv4-or-v6, checks: { exact-len: 4 } }
                  - { name: ports, type: indexed-array, sub-type: u16 }
                  - { name: list, type: binary, sub-type: s64 }
                  - { name: any, type: uint, checks: { max: some-kernel-define } }
                  - { name: inner, type: nest, nested-attributes: attrs }
            operations:
              list:
                - { name: get, doc: get, value: 16, attribute-set: attrs, do: { request: { attributes: [ name ] } } }
            """;

    private static Family parse(String yaml) throws SpecException {
        return YnlParser.parse(YamlReader.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)), "t.yaml");
    }

    private static SpecProblem onlyProblem(String yaml) {
        SpecException e = assertThrows(SpecException.class, () -> parse(yaml));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    @Test
    void everySpecSpellingNamesOneTypeAndPrintsAsItself() {
        for (AttrType t : AttrType.values()) {
            assertEquals(t, AttrType.of(t.specName()));
            assertEquals(t.specName(), t.toString(), "messages print the spec spelling");
        }
        assertNull(AttrType.of("u24"));
        assertNull(AttrType.of("U32"), "spec spellings are lower case");
    }

    @Test
    void integerTypesKnowTheirSizeSignednessAndRange() {
        assertEquals(2, AttrType.U16.size());
        assertEquals(BigInteger.valueOf(-128), AttrType.S8.min());
        assertEquals(BigInteger.valueOf(127), AttrType.S8.max());
        assertEquals(new BigInteger("18446744073709551615"), AttrType.UINT.max(), "uint is up to 64 bits");
        assertEquals(0, AttrType.SINT.size(), "sint is 4 or 8 bytes, chosen by value");
        assertTrue(AttrType.SINT.isInteger() && AttrType.SINT.signed() && !AttrType.SINT.isFixedInteger());
        assertFalse(AttrType.BITFIELD32.isInteger());
        assertEquals(8, AttrType.BITFIELD32.size());
        assertThrows(IllegalStateException.class, AttrType.STRING::bits);
        assertTrue(AttrType.INDEXED_ARRAY.isNestLike() && AttrType.NEST_TYPE_VALUE.isNestLike());
        assertFalse(AttrType.SUB_MESSAGE.isNestLike(), "a sub-message goes without NLA_F_NESTED");
    }

    @Test
    void attributesAndMembersCarryParsedTypesHintsAndChecks() throws Exception {
        Family f = parse(SPEC);
        AttrSetSpec s = f.attributeSets().get("attrs");
        assertEquals(AttrType.STRING, s.byName("name").type());
        assertEquals(new AttrChecks(null, null, null, 14), s.byName("name").checks(), "max-len from a const expression");
        assertEquals(new AttrChecks(68L, 4294967295L, null, null), s.byName("mtu").checks(), "u32-max resolved");
        assertEquals(new AttrChecks(null, null, 4, 4), s.byName("addr").checks(), "exact-len bounds both ways");
        assertEquals(DisplayHint.IPV4_OR_V6, s.byName("addr").displayHint());
        assertEquals(AttrType.U16, s.byName("ports").subType());
        assertEquals(AttrType.S64, s.byName("list").subType());
        assertEquals(AttrChecks.NONE, s.byName("any").checks(), "a limit from a C header this spec does not define is left out");
        assertEquals(AttrChecks.NONE, s.byName("inner").checks());
        StructDef hdr = f.structs().get("hdr");
        assertEquals(List.of(AttrType.U8, AttrType.BINARY, AttrType.S32), hdr.members().stream().map(StructDef.Member::type).toList());
        assertEquals(DisplayHint.MAC, hdr.members().get(1).displayHint());
        assertEquals(8, hdr.members().get(2).offset(), "s32 aligned to 4 after 1 + 6 bytes");
    }

    @Test
    void indexedArrayItemsTakeTheSubTypeAndTheirIndex() throws Exception {
        AttrSpec ports = parse(SPEC).attributeSets().get("attrs").byName("ports");
        AttrSpec item = ports.item(3);
        assertEquals(AttrType.U16, item.type());
        assertEquals("[3]", item.kernelName());
        assertEquals(3, item.value());
        assertNull(item.subType());
        assertEquals(AttrType.NEST, parse(SPEC).attributeSets().get("attrs").byName("inner").toBuilder()
                .type(AttrType.INDEXED_ARRAY).build().item(0).type(), "items of an indexed array without sub-type are nests");
    }

    @Test
    void anUnknownAttributeTypeIsASpecErrorAtItsPlace() {
        SpecProblem p = onlyProblem(SPEC.replace("{ name: mtu, type: u32,", "{ name: mtu, type: u24,"));
        assertEquals("t.yaml", p.file());
        assertEquals(17, p.line(), "the line of the mtu attribute");
        assertTrue(p.column() > 0, p.toString());
        assertEquals("attribute-sets[attrs].attributes[mtu].type", p.path());
        assertEquals("\"u24\" is not one of [binary, bitfield32, flag, indexed-array, nest, nest-type-value, pad, s16, s32, s64, "
                + "s8, sint, string, sub-message, u16, u32, u64, u8, uint, unused]", p.message());
    }

    @Test
    void aTypeOfAnotherSchemaLevelIsRefused() {
        String genl = """
                name: g
                doc: d
                attribute-sets: [ { name: a, attributes: [ { name: x, type: bitfield32 } ] } ]
                operations: { list: [ { name: o, doc: d, attribute-set: a, do: { request: { attributes: [ x ] } } } ] }
                """;
        SpecProblem p = onlyProblem(genl);
        assertEquals("attribute-sets[a].attributes[x].type", p.path());
        assertTrue(p.message().startsWith("\"bitfield32\" is not one of [binary, flag, indexed-array"), p.message());
    }

    @Test
    void anUnknownMemberTypeOrDisplayHintIsASpecError() {
        SpecProblem member = onlyProblem(SPEC.replace("{ name: a, type: u8 }", "{ name: a, type: uint }"));
        assertEquals("definitions[hdr].members[a].type", member.path());
        assertEquals("\"uint\" is not one of [binary, pad, s16, s32, s64, s8, string, u16, u32, u64, u8]", member.message());
        SpecProblem hint = onlyProblem(SPEC.replace("display-hint: mac", "display-hint: eui64"));
        assertEquals("definitions[hdr].members[mac].display-hint", hint.path());
        assertEquals("\"eui64\" is not one of [fddi, hex, ipv4, ipv4-or-v6, ipv6, mac, tc-handle, uuid]", hint.message());
    }
}
