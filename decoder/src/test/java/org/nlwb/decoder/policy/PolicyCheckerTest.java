package org.nlwb.decoder.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.policy.PolicyProblem.Kind;

/** ethtool requests checked against the kernel policy of samples/genl-policy-ethtool.strace.txt. */
class PolicyCheckerTest {
    private static PolicyCheck check(String op, String json) throws Exception {
        return check(PolicySamples.request("ethtool", op, false, json));
    }

    private static PolicyCheck check(byte[] message) throws Exception {
        return new PolicyChecker(PolicySamples.policy("ethtool"), PolicySamples.family("ethtool")).check(message);
    }

    @Test
    void aRequestWithinThePolicyHasNoProblems() throws Exception {
        PolicyCheck c = check("linkmodes-set", "{\"header\": {\"dev-name\": \"v0\"}, \"lanes\": 2, \"autoneg\": 1}");
        assertEquals(List.of(), c.problems());
        assertTrue(c.kernel());
        assertTrue(c.basis().contains("linkmodes-set (do)"), c.basis());
    }

    @Test
    void lanesAboveEightIsOutOfRange() throws Exception {
        PolicyCheck c = check("linkmodes-set", "{\"header\": {\"dev-name\": \"v0\"}, \"lanes\": 9}");
        PolicyProblem p = c.first();
        assertEquals(Kind.OUT_OF_RANGE, p.kind());
        assertEquals("ETHTOOL_A_LINKMODES_LANES", p.path());
        assertEquals("value 9 is outside 1..8", p.message());
        assertTrue(p.definite());
        byte[] m = PolicySamples.request("ethtool", "linkmodes-set", false, "{\"header\": {\"dev-name\": \"v0\"}, \"lanes\": 9}");
        assertEquals(9, m[p.offset() + 4], "the offset is the attribute's nlattr header");
        assertEquals(8, p.length());
    }

    @Test
    void aHeaderFlagOutsideItsMaskIsFoundInsideTheNest() throws Exception {
        PolicyCheck c = check("linkmodes-get", "{\"header\": {\"dev-name\": \"v0\", \"flags\": 4}}");
        assertEquals(1, c.problems().size(), c.problems().toString());
        PolicyProblem p = c.first();
        assertEquals(Kind.BAD_BITS, p.kind());
        assertEquals("ETHTOOL_A_LINKMODES_HEADER/ETHTOOL_A_HEADER_FLAGS", p.path());
        assertEquals("header.flags", p.specPath(), "as the composer's rows name it");
        assertEquals("value 0x4 has bits 0x4 outside the mask 0x3", p.message());
    }

    @Test
    void aDeviceNameOverItsMaxLengthIsTooLong() throws Exception {
        String name = "x".repeat(128);
        PolicyProblem p = check("linkmodes-get", "{\"header\": {\"dev-name\": \"" + name + "\"}}").first();
        assertEquals(Kind.BAD_LENGTH, p.kind());
        assertEquals("ETHTOOL_A_LINKMODES_HEADER/ETHTOOL_A_HEADER_DEV_NAME", p.path());
        assertEquals("a string of 128 bytes; the kernel takes at most 127", p.message());
        assertTrue(check("linkmodes-get", "{\"header\": {\"dev-name\": \"" + "x".repeat(127) + "\"}}").clean());
    }

    @Test
    void aNestWithoutNlaFNestedFailsStrictValidationOnly() throws Exception {
        byte[] m = PolicySamples.request("ethtool", "linkmodes-get", false, "{\"header\": {\"dev-name\": \"v0\"}}");
        m[20 + 3] &= 0x7f; // the header nest's nla_type, NLA_F_NESTED off
        PolicyProblem p = check(m).first();
        assertEquals(Kind.NESTED_FLAG, p.kind());
        assertEquals("ETHTOOL_A_LINKMODES_HEADER", p.path());
        assertFalse(p.definite());
        assertTrue(p.text().endsWith("(strict validation)"), p.text());
    }

    @Test
    void anAttributeTheKernelHasNoEntryForIsUnknown() throws Exception {
        byte[] base = PolicySamples.request("ethtool", "linkmodes-get", false, "{\"header\": {\"dev-name\": \"v0\"}}");
        byte[] m = Arrays.copyOf(base, base.length + 8);
        m[base.length] = 8;
        m[base.length + 2] = 60; // attribute 60 with a u32 payload
        m[0] = (byte) m.length;
        PolicyCheck c = check(m);
        PolicyProblem p = c.first();
        assertEquals(Kind.UNKNOWN_ATTRIBUTE, p.kind());
        assertEquals("attribute 60", p.path());
        assertEquals("?", p.specPath());
        assertEquals(base.length, p.offset());
        assertEquals(List.of(), c.definite());
    }

    @Test
    void bytesAfterTheLastAttributeAreTrailing() throws Exception {
        byte[] base = PolicySamples.request("ethtool", "linkmodes-get", false, "{\"header\": {\"dev-name\": \"v0\"}}");
        byte[] m = Arrays.copyOf(base, base.length + 2);
        m[0] = (byte) m.length;
        PolicyProblem p = check(m).first();
        assertEquals(Kind.TRAILING, p.kind());
        assertEquals(base.length, p.offset());
        assertEquals(2, p.length());
    }

    @Test
    void anOperationWithoutPolicyValidatesNothing() throws Exception {
        KernelPolicy none = PolicyDumpReader.read("ethtool", List.of());
        PolicyCheck c = new PolicyChecker(none, PolicySamples.family("ethtool"))
                .check(PolicySamples.request("ethtool", "linkmodes-get", false, "{\"header\": {\"dev-name\": \"v0\"}}"));
        assertTrue(c.clean());
        assertTrue(c.basis().contains("no policy"), c.basis());
    }
}
