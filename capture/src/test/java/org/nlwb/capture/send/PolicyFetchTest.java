package org.nlwb.capture.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.capture.testing.Links;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.policy.AttrPolicy;
import org.nlwb.decoder.policy.KernelPolicy;
import org.nlwb.decoder.policy.NlAttrType;
import org.nlwb.decoder.policy.PolicyCheck;
import org.nlwb.decoder.policy.PolicyChecker;
import org.nlwb.decoder.policy.PolicyProblem;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.testing.NeedsRoot;
import org.nlwb.decoder.tree.Node;

/** Policies of this machine's kernel, and its own verdict on requests the check refuses. */
class PolicyFetchTest {
    private static final SpecLibrary LIBRARY = SpecLibrary.standard(List.of());
    private static final SpecCatalog CATALOG = LIBRARY.load();
    private static final Registry REGISTRY = LIBRARY.registry(CATALOG);

    @Test
    void nlctrlsPolicyIsReadFromTheHostWithoutChangingIt() throws Exception {
        try (SendSession s = SendSession.open(SendTarget.host())) {
            PolicyFetch.Fetched f = s.genlPolicy("nlctrl", null, REGISTRY);
            assertEquals(0x10, f.policy().familyId());
            AttrPolicy name = f.policy().root(3, false).attribute(2); // getfamily's CTRL_ATTR_FAMILY_NAME
            assertEquals(NlAttrType.NUL_STRING, name.type());
            assertEquals(15L, name.maxLength());
        }
    }

    @Test
    void aDumpOnlyOperationIsFiledUnderItsOwnCommandNotZero() throws Exception {
        try (SendSession s = SendSession.open(SendTarget.host())) {
            KernelPolicy p = s.genlPolicy("nlctrl", null, REGISTRY).policy();
            assertTrue(p.operation(0).isEmpty(), p.operations().toString());
            var getpolicy = p.operation(10).orElseThrow(); // CTRL_CMD_GETPOLICY: dump only
            assertEquals(null, getpolicy.doTable());
            assertEquals(NlAttrType.U32, p.table(getpolicy.dumpTable()).attribute(10).type()); // CTRL_ATTR_OP
            assertEquals(NlAttrType.NUL_STRING, p.root(3, false).attribute(2).type(), "getfamily's tables are kept");
        }
    }

    @Test
    void oneOperationsPolicyIsFiledUnderItsCommand() throws Exception {
        try (SendSession s = SendSession.open(SendTarget.host())) {
            KernelPolicy p = s.genlPolicy("ethtool", 5, REGISTRY).policy(); // ETHTOOL_MSG_LINKMODES_SET
            assertEquals(List.of(5), List.copyOf(p.operations().keySet()));
            assertEquals("1..8", p.root(5, false).attribute(9).bounds()); // ETHTOOL_A_LINKMODES_LANES
        }
    }

    @Test
    void aFamilyTheKernelLacksIsNamedInTheError() throws Exception {
        try (SendSession s = SendSession.open(SendTarget.host())) {
            Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> s.genlPolicy("nlwbnofamily", null, REGISTRY));
            assertTrue(e.getMessage().contains("nlwbnofamily") && e.getMessage().contains("ENOENT"), e.getMessage());
        }
    }

    @NeedsRoot
    @Test
    void theKernelsExtAckPointsAtTheAttributeTheCheckFlagged() throws Exception {
        try (SendSession s = SendSession.open(SendTarget.throwaway(SendTarget.Making.IP_NETNS))) {
            SendResult veth = s.send(SendRequest.of(Protocol.ROUTE, Links.newVeth("nv0", "nv1")).withFixUp(true));
            assertEquals(0, veth.error(), veth.note());
            KernelPolicy policy = s.genlPolicy("ethtool", null, REGISTRY).policy();
            int id = s.genlFamily("ethtool").family().id();
            for (String json : List.of("{\"header\": {\"dev-name\": \"nv0\"}, \"lanes\": 9}",
                    "{\"header\": {\"dev-name\": \"nv0\", \"flags\": 4}, \"lanes\": 2}")) {
                byte[] m = new MessageEncoder(CATALOG).encode(Request.of("ethtool", "linkmodes-set", false,
                        new ObjectMapper().readTree(json)), n -> id).bytes();
                PolicyCheck check = new PolicyChecker(policy, CATALOG.family("ethtool").orElseThrow()).check(m);
                PolicyProblem flagged = check.first();
                assertNotNull(flagged, json);
                assertTrue(flagged.definite(), flagged.text());

                SendResult r = s.send(SendRequest.of(Protocol.GENERIC, m).withFixUp(true).withAcks(true, true));
                assertEquals(SendResult.Ending.COMPLETE, r.ending(), r.note());
                assertTrue(r.error() < 0, json + ": the kernel refuses it too");
                Node error = errorTree(r);
                Node offs = error.child("NLMSGERR_ATTR_OFFS");
                assertNotNull(offs, "the ext-ACK points at an attribute: " + error);
                assertEquals((long) flagged.offset(), ((Number) offs.value()).longValue(),
                        json + ": the kernel points at " + offs.value() + ", the check at " + flagged.text());
            }
        }
    }

    private static Node errorTree(SendResult r) {
        for (DecodedMessage m : DecodedCapture.of(r.toCapture("test"), REGISTRY).messages()) {
            if (m.tree().type() != null && m.tree().type() == ControlType.ERROR && m.ref().record().direction()
                    == org.nlwb.decoder.model.Direction.FROM_KERNEL) {
                return m.tree();
            }
        }
        throw new AssertionError("no NLMSG_ERROR");
    }
}
