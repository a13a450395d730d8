package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code nlwb decode --filter}: the window's language and messages, on the veth sample. */
class DecodeFilterTest {
    private static final String VETH = "../samples/ip-link-add-veth.strace.txt";

    @Test
    void onlyTheMessagesTheFilterSelectsArePrintedWithTheirIndex() {
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--filter", "IFLA_IFNAME == \"vethA\"", VETH);
        assertEquals(0, r.exit(), r.err());
        List<String> heads = r.out().lines().filter(l -> l.startsWith("#") || l.startsWith("==")).toList();
        assertEquals(2, heads.size(), r.out());
        assertEquals("== ../samples/ip-link-add-veth.strace.txt (strace): 4 records, 4 messages", heads.get(0));
        assertTrue(heads.get(1).startsWith("#2  record 2 "), heads.get(1));
        assertEquals("", r.err());
    }

    @Test
    void jsonKeepsTheContractAndTheOriginalIndexes() throws Exception {
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--json", "--filter", "type == NLMSG_ERROR", VETH);
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        List<Integer> indexes = new ArrayList<>();
        doc.get("messages").forEach(m -> indexes.add(m.get("index").asInt()));
        assertEquals(List.of(1, 3), indexes);
    }

    @Test
    void aMistypedFieldIsAUsageErrorNamingTheFieldMeantAndWhere() {
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--filter", "IFLA_IFNAM == \"lo\"", VETH);
        assertEquals(2, r.exit());
        assertEquals("nlwb decode: --filter at column 1: unknown field IFLA_IFNAM (did you mean IFLA_IFNAME?)\n"
                + "  IFLA_IFNAM == \"lo\"\n  ^\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aMistypedTypeNameIsAUsageErrorAtTheValue() {
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--filter", "type == RTM_NEWLNK", VETH);
        assertEquals(2, r.exit());
        assertEquals("nlwb decode: --filter at column 9: unknown type name RTM_NEWLNK (did you mean RTM_NEWLINK?)\n"
                + "  type == RTM_NEWLNK\n          ^\n", r.err());
    }

    @Test
    void aSyntaxErrorNamesItsColumn() {
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--filter", "IFLA_MTU >", VETH);
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("nlwb decode: --filter at column 11: expected a value after '>', found end of filter\n"),
                r.err());
    }

    @Test
    void aNameNoClassKnowsIsAWarningAndTheFilterStillApplies() {
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--filter", "MY_PLUGIN_FIELD", VETH);
        assertEquals(0, r.exit());
        assertEquals("nlwb decode: warning: --filter at column 1: no message class is known to have a field "
                + "MY_PLUGIN_FIELD; it matches only messages whose tree holds a node of that name\n", r.err());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("#") || l.startsWith("==")).count(), r.out());
    }

    @Test
    void controlCharactersOfTheExpressionAreEscapedInTheMessage() {
        DecodeCommandTest.Run r = DecodeCommandTest.run("decode", "--filter", "\u001b[2J ==", VETH);
        assertEquals(2, r.exit());
        assertTrue(!r.err().contains("\u001b"), r.err());
    }
}
