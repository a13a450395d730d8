package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.ynl.AttrSetSpec;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.SpecException;
import org.nlwb.decoder.ynl.SpecProblem;

/** Bad specs are refused with every problem located to file, line, column and key. */
class SpecCheckErrorsTest {
    private static final String GOOD = """
            name: demo
            protocol: netlink-raw
            protonum: 0
            doc: demo
            definitions:
              -
                name: hdr
                type: struct
                members:
                  -
                    name: family
                    type: u8
            attribute-sets:
              -
                name: main
                attributes:
                  -
                    name: kind
                    type: string
                  -
                    name: data
                    type: sub-message
                    sub-message: data-msg
                    selector: kind
                  -
                    name: inner
                    type: nest
                    nested-attributes: main
            sub-messages:
              -
                name: data-msg
                formats:
                  -
                    value: x
                    attribute-set: main
            operations:
              list:
                -
                  name: get
                  doc: get
                  value: 16
                  attribute-set: main
                  fixed-header: hdr
                  do:
                    request:
                      attributes: [ kind ]
            """;

    private static List<SpecProblem> problems(String yaml) {
        SpecException e = assertThrows(SpecException.class,
                () -> SpecLibrary.parse("demo.yaml", yaml.getBytes(StandardCharsets.UTF_8)));
        return e.problems();
    }

    private static SpecProblem only(String yaml) {
        List<SpecProblem> ps = problems(yaml);
        assertEquals(1, ps.size(), ps.toString());
        return ps.get(0);
    }

    @Test
    void theGoodSpecLoads() throws Exception {
        Family f = SpecLibrary.parse("demo.yaml", GOOD.getBytes(StandardCharsets.UTF_8));
        assertEquals("DEMO_A_MAIN_KIND", f.attributeSets().get("main").byValue(1).kernelName());
        assertEquals("DEMO_CMD_GET", f.operations().get(0).toKernelName());
        assertEquals(16, f.operations().get(0).requestId());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        SpecProblem p = only(GOOD.replace("        type: string\n", "        type: string\n        colour: red\n"));
        assertEquals(20, p.line(), p.toString());
        assertEquals("attribute-sets[main].attributes[kind].colour", p.path());
        assertTrue(p.message().startsWith("unknown key \"colour\""), p.message());
        assertTrue(p.toString().startsWith("demo.yaml:20:"), p.toString());
    }

    private static final String GENL_C = """
            name: g
            protocol: genetlink-c
            doc: d
            attribute-sets: [ { name: a, attributes: [ { name: x, type: u8 } ] } ]
            operations: { list: [ { name: o, doc: d, attribute-set: a, do: { request: { attributes: [ x ] } } } ] }
            """;

    @Test
    void aKeyOfAnotherSchemaLevelIsUnknownHere() throws Exception {
        SpecLibrary.parse("g.yaml", GENL_C.getBytes(StandardCharsets.UTF_8));
        SpecProblem p = only(GENL_C.replace("doc: d\n", "doc: d\nprotonum: 3\n"));
        assertEquals(4, p.line(), p.toString());
        assertTrue(p.message().startsWith("unknown key \"protonum\" (genetlink-c allows"), p.toString());
        SpecProblem m = only(GENL_C.replace("operations: { list", "operations: { enum-model: directional, list"));
        assertEquals("operations.enum-model", m.path());
        assertTrue(m.message().contains("\"directional\" is not one of [unified]"), m.toString());
    }

    @Test
    void aWrongTypeIsNamed() {
        SpecProblem p = only(GOOD.replace("      attributes: [ kind ]", "      attributes: kind"));
        assertEquals("operations.list[get].do.request.attributes", p.path());
        assertTrue(p.message().contains("must be a list"), p.toString());
    }

    @Test
    void anUnresolvedNestedSetIsNamed() {
        SpecProblem p = only(GOOD.replace("nested-attributes: main", "nested-attributes: nowhere"));
        assertEquals("attribute-sets[main].attributes[inner].nested-attributes", p.path());
        assertTrue(p.message().contains("\"nowhere\" is not defined"), p.toString());
        assertEquals(28, p.line(), p.toString());
    }

    @Test
    void aSelectorThatIsNoAttributeIsNamed() {
        SpecProblem p = only(GOOD.replace("selector: kind", "selector: flavour"));
        assertTrue(p.message().contains("selector \"flavour\""), p.toString());
    }

    @Test
    void anOperationNamingAnAttributeTheSetLacksIsNamed() {
        SpecProblem p = only(GOOD.replace("[ kind ]", "[ kind, size ]"));
        assertTrue(p.message().contains("\"size\" is not an attribute of main"), p.toString());
    }

    @Test
    void aNetlinkRawSpecNeedsItsProtocolNumber() {
        SpecProblem p = only(GOOD.replace("protonum: 0\n", ""));
        assertTrue(p.message().contains("protonum"), p.toString());
    }

    @Test
    void textThatIsNotYamlIsLocatedWhereTheProblemIs() {
        SpecProblem tab = only("name: demo\n\tdoc: tab\n");
        assertEquals(2, tab.line(), tab.toString());
        assertEquals(1, tab.column(), tab.toString());
        assertTrue(tab.message().startsWith("not valid YAML: while scanning for the next token; found character"), tab.toString());
        assertTrue(!tab.message().contains("in 'reader'"), "the quoted source is left out: " + tab);
        SpecProblem alias = only("name: *nowhere\n");
        assertEquals("demo.yaml:1:7: not valid YAML: alias *nowhere names no anchor", alias.toString());
        SpecException e = assertThrows(SpecException.class, () -> SpecLibrary.parse("bin.yaml", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}));
        assertTrue(e.problems().get(0).message().startsWith("not UTF-8 text"), e.problems().toString());
    }

    @Test
    void aDuplicateKeyIsAnErrorNotASilentOverride() {
        SpecProblem p = only(GOOD.replace("        type: string\n", "        type: string\n        type: u32\n"));
        assertEquals(20, p.line(), p.toString());
        assertTrue(p.message().contains("duplicate key \"type\" (first on line 19)"), p.toString());
    }

    @Test
    void explicitValuesResetTheAttributeCounter() throws Exception {
        Family f = SpecLibrary.parse("demo.yaml", GOOD.replace("        name: data\n", "        name: data\n        value: 10\n")
                .getBytes(StandardCharsets.UTF_8));
        AttrSetSpec main = f.attributeSets().get("main");
        assertEquals(1, main.byName("kind").value());
        assertEquals(10, main.byName("data").value());
        assertEquals(11, main.byName("inner").value());
    }
}
