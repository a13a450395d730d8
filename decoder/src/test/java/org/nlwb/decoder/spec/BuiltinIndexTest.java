package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.OpMatch;

/**
 * The facts the build writes for the built-in specs are those the specs say, and they rule a
 * family in or out exactly as its operations would.
 */
class BuiltinIndexTest {

    private static String resource(String name) throws Exception {
        try (InputStream in = BuiltinIndexTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name + " is not on the class path: the decoder's build writes it (process-classes)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Family> builtinFamilies() throws Exception {
        List<Family> all = new ArrayList<>();
        for (String name : BuiltinSpecs.names(resource(SpecLibrary.BUILTIN_DIR + "INDEX"))) {
            all.add(SpecLibrary.parse("builtin:" + name, resource(SpecLibrary.BUILTIN_DIR + name).getBytes(StandardCharsets.UTF_8)));
        }
        return all;
    }

    @Test
    void theBuiltIndexHoldsTheFactsOfEverySpecInIndexOrder() throws Exception {
        Map<String, SpecFacts> expected = new LinkedHashMap<>();
        List<String> names = BuiltinSpecs.names(resource(SpecLibrary.BUILTIN_DIR + "INDEX"));
        List<Family> families = builtinFamilies();
        for (int i = 0; i < names.size(); i++) {
            expected.put(names.get(i), SpecFacts.of(families.get(i)));
        }
        Map<String, SpecFacts> index = BuiltinIndex.parse(resource(BuiltinIndex.RESOURCE));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(index.keySet()));
        assertEquals(expected, index);
        assertEquals(index, BuiltinIndex.parse(BuiltinIndex.render(index)), "what is written reads back the same");
    }

    @Test
    void aLineNamesItsFamilyProtocolAndIds() {
        SpecFacts f = SpecFacts.parse("rt-addr\tnetlink-raw\t0\t20,21,22\t20,21");
        assertEquals("rt-addr", f.name());
        assertEquals(0, f.protocol());
        assertEquals(List.of(20, 21, 22), f.requestIds());
        assertEquals(List.of(20, 21), f.replyIds());
        assertEquals("rt-addr\tnetlink-raw\t0\t20,21,22\t20,21", f.line());
        SpecFacts genl = SpecFacts.parse("nlctrl\tgenetlink-legacy\t-\t3\t-");
        assertEquals(org.nlwb.decoder.model.Protocol.GENERIC, genl.protocol());
        assertEquals(List.of(), genl.replyIds());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BuiltinIndex.parse("# c\nrt-addr.yaml\trt-addr\tnetlink-rawish\t0\t-\t-\n"));
        assertTrue(e.getMessage().contains("line 2: unknown schema level netlink-rawish"), e.getMessage());
    }

    /** Every id up to past the largest, both directions and no direction, with and without NLM_F_REQUEST and NLM_F_DUMP. */
    @Test
    void theFactsRuleAFamilyInExactlyWhenAnOperationMatches() throws Exception {
        int checked = 0;
        for (Family f : builtinFamilies()) {
            SpecFacts facts = SpecFacts.of(f);
            int max = 0;
            for (var op : f.operations()) {
                max = Math.max(max, Math.max(op.requestId() == null ? 0 : op.requestId(), op.replyId() == null ? 0 : op.replyId()));
            }
            for (int id = 0; id <= max + 2; id++) {
                for (Direction d : new Direction[] {Direction.TO_KERNEL, Direction.FROM_KERNEL, Direction.UNKNOWN, null}) {
                    for (int flags : new int[] {0, 0x1, 0x2, 0x301, 0x605}) {
                        for (long seq : new long[] {0, 7}) {
                            boolean op = OpMatch.find(f, id, d, flags, seq) != null;
                            assertEquals(op, facts.mayKnow(d, flags, id), f.name() + " id " + id + " " + d + " flags " + flags);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 10_000, "checked " + checked);
    }
}
