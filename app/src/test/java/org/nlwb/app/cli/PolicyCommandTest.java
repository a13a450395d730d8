package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlwb.app.cli.CliRun.nlwb;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code nlwb policy}: this kernel's policies of nlctrl and ethtool (read-only, host namespace), by name. */
class PolicyCommandTest {
    @Test
    void nlctrlsPolicyShowsItsFamilyNameBound() {
        CliRun r = nlwb("policy", "nlctrl");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("== nlctrl (id 16): the running kernel's policy"), r.out());
        assertTrue(r.out().contains("getfamily do (command 3, table 0)\n"), r.out());
        assertTrue(r.out().contains("  CTRL_ATTR_FAMILY_NAME (2): nul-string  max length 15\n"), r.out());
    }

    @Test
    void ethtoolsLinkmodesSetAsJsonHasTheHeaderNestResolvedAndTheLanesRange() throws Exception {
        CliRun r = nlwb("policy", "ethtool", "--op", "linkmodes-set", "--json", "--spec-compare");
        assertEquals(0, r.exit(), r.all());
        JsonNode form = r.json().get("forms").get(0);
        assertEquals("linkmodes-set", form.get("op").asText());
        assertEquals("do", form.get("form").asText());
        JsonNode flags = null;
        JsonNode lanes = null;
        for (JsonNode a : form.get("attributes")) {
            if (a.get("path").asText().equals("ETHTOOL_A_LINKMODES_HEADER/ETHTOOL_A_HEADER_FLAGS")) {
                flags = a;
            }
            if (a.get("path").asText().equals("ETHTOOL_A_LINKMODES_LANES")) {
                lanes = a;
            }
        }
        assertEquals(3, flags.get("mask").asInt(), form.toString());
        assertEquals(1, lanes.get("min").asInt());
        assertEquals(8, lanes.get("max").asInt());
        assertTrue(r.json().get("spec-compare").isArray());
    }

    @Test
    void rtnetlinkHasNoPolicyDumpAndSaysSo() throws Exception {
        CliRun r = nlwb("policy", "rt-link", "--json");
        assertEquals(0, r.exit(), r.all());
        assertEquals(false, r.json().get("kernel").asBoolean());
        assertTrue(r.json().get("note").asText().contains("no policy dump"), r.out());
    }

    @Test
    void anOperationTheSpecLacksIsAUsageErrorWithASuggestion() {
        CliRun r = nlwb("policy", "ethtool", "--op", "linkmode-set");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("has no operation 'linkmode-set'") && r.err().contains("linkmodes-set"), r.err());
    }

    @Test
    void aFamilyThisKernelLacksExitsOne() {
        CliRun r = nlwb("policy", "nlwbnofamily");
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("ENOENT"), r.err());
    }
}
