package org.nlwb.decoder.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The policy dumps a 6.18 kernel sent for nlctrl and ethtool (samples/genl-policy-*.strace.txt), read and named. */
class PolicyDumpReaderTest {
    @Test
    void nlctrlsOwnPolicyHasItsFamilyNameBoundToFifteenBytes() throws Exception {
        KernelPolicy p = PolicySamples.policy("nlctrl");
        assertEquals(16, p.familyId());
        OpPolicy getfamily = p.operation(3).orElseThrow();
        assertEquals(0, getfamily.doTable());
        AttrPolicy name = p.root(3, false).attribute(2);
        assertEquals(NlAttrType.NUL_STRING, name.type());
        assertEquals(15L, name.maxLength());
        AttrPolicy id = p.root(3, false).attribute(1);
        assertEquals(NlAttrType.U16, id.type());
        assertTrue(id.isTypeRange(), "u16 0..65535 bounds nothing");
        assertEquals("", id.bounds());
    }

    @Test
    void aDumpOnlyOperationIsFiledUnderCommandZeroAsTheKernelWritesIt() throws Exception {
        // getpolicy (10) has no do handler: the kernel names the do handler's (empty) command
        KernelPolicy p = PolicySamples.policy("nlctrl");
        OpPolicy zero = p.operation(0).orElseThrow();
        assertNull(zero.doTable());
        assertEquals(Map.of(1, "u16", 2, "nul-string", 10, "u32"), p.table(zero.dumpTable()).attributes().values()
                .stream().collect(Collectors.toMap(AttrPolicy::attr, a -> a.type().shortName())));
    }

    @Test
    void ethtoolsLinkmodesSetIsShownByNameWithItsHeaderNestResolved() throws Exception {
        KernelPolicy p = PolicySamples.policy("ethtool");
        PolicyRows.Form set = PolicyRows.forms(p, PolicySamples.family("ethtool")).stream()
                .filter(f -> f.describe().equals("linkmodes-set do")).findFirst().orElseThrow();
        Map<String, PolicyRows.Row> rows = PolicyRows.rows(p, PolicySamples.family("ethtool"), set).stream()
                .collect(Collectors.toMap(PolicyRows.Row::path, r -> r));
        PolicyRows.Row flags = rows.get("ETHTOOL_A_LINKMODES_HEADER/ETHTOOL_A_HEADER_FLAGS");
        assertNotNull(flags, rows.keySet().toString());
        assertEquals(1, flags.depth());
        assertEquals(BigInteger.valueOf(3), flags.policy().mask());
        assertEquals("u32", flags.specType());
        PolicyRows.Row lanes = rows.get("ETHTOOL_A_LINKMODES_LANES");
        assertEquals("1..8", lanes.policy().bounds());
        assertEquals("max length 127", rows.get("ETHTOOL_A_LINKMODES_HEADER/ETHTOOL_A_HEADER_DEV_NAME").policy().bounds());
        assertTrue(rows.get("ETHTOOL_A_LINKMODES_HEADER").policy().bounds().startsWith("policy "));
    }

    @Test
    void everyTableANestNamesIsInTheDump() throws Exception {
        KernelPolicy p = PolicySamples.policy("ethtool");
        assertTrue(p.tables().size() > 50, "tables: " + p.tables().size());
        for (PolicyTable t : p.tables().values()) {
            for (AttrPolicy a : t.attributes().values()) {
                assertTrue(a.type() != NlAttrType.UNKNOWN, "table " + t.index() + " attr " + a.attr());
                if (a.policyIdx() != null) {
                    assertNotNull(p.table(a.policyIdx()), "table " + t.index() + " attr " + a.attr() + " names " + a.policyIdx());
                }
            }
        }
    }

    @Test
    void theMaskIsReadByItsNumberWhateverTheNlctrlSpecCallsIt() throws Exception {
        // the kernel's own nlctrl.yaml lists mask before pad, numbering them 11 and 12: the UAPI has PAD 11, MASK 12
        var kernelSpecs = org.nlwb.decoder.spec.SpecLibrary.standard(
                List.of(org.nlwb.decoder.testing.Samples.shared().resolve("specs/ynl")));
        var decoder = new org.nlwb.decoder.dissect.MessageDecoder(kernelSpecs.registry(kernelSpecs.load()));
        KernelPolicy p = PolicyDumpReader.read("ethtool", PolicySamples.trees("ethtool", decoder));
        assertEquals(PolicySamples.policy("ethtool"), p);
    }

    @Test
    void repliesWithoutPolicyAttributesAddNothing() throws Exception {
        KernelPolicy p = PolicyDumpReader.read("nlctrl", List.of());
        assertEquals(-1, p.familyId());
        assertTrue(p.tables().isEmpty() && p.operations().isEmpty());
    }
}
