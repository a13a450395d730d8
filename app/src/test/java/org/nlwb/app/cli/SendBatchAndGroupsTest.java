package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlwb.app.cli.CliRun.child;
import static org.nlwb.app.cli.CliRun.find;
import static org.nlwb.app.cli.CliRun.nlwb;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.capture.netns.ThrowawayNamespace;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.testing.NeedsRoot;

/**
 * YNL CLI parity of {@code nlwb send}: {@code --multi} (an nftables batch wrapped and acked),
 * {@code --subscribe} (notifications of what the send itself did, also in {@code --write}'s
 * file) and {@code --list-ops}. Sends go to throwaway namespaces nlwb makes and removes.
 */
class SendBatchAndGroupsTest {

    @NeedsRoot
    @Test
    void anNftablesMultiIsWrappedInABatchAndEachTableGetsItsAck() throws Exception {
        CliRun r = nlwb("send", "--family", "nftables",
                "--multi", "nft-msg-newtable", "{\"nfgen-family\": \"inet\", \"name\": \"nlwb-t1\"}",
                "--multi", "nft-msg-newtable", "{\"nfgen-family\": \"inet\", \"name\": \"nlwb-t2\"}", "--json-out");
        assertEquals(0, r.exit(), r.all());
        List<String> names = new ArrayList<>();
        r.trees("messages").forEach(t -> names.add(t.get("name").asText()));
        assertEquals(List.of("NFNL_MSG_BATCH_BEGIN", "NFT_MSG_NEWTABLE", "NFT_MSG_NEWTABLE", "NFNL_MSG_BATCH_END",
                "NLMSG_ERROR", "NLMSG_ERROR"), names, "one datagram of four, and an ACK for each table");
        JsonNode begin = r.trees("messages").get(0);
        assertEquals(10, find(begin, "res_id").get("value").asInt(), "res_id NFNL_SUBSYS_NFTABLES, as nft sends it");
        for (JsonNode ack : r.trees("messages").subList(4, 6)) {
            assertEquals(0, child(ack, "error").get("value").asInt(), ack.toString());
        }
    }

    @NeedsRoot
    @Test
    void subscribeLinkShowsTheNotificationsOfTheVethTheSendMade(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("conversation.pcapng");
        CliRun r = nlwb("send", "--family", "rt-link", "--do", "newlink", "--flags", "create,excl", "--json",
                "{\"ifname\": \"gv0\", \"linkinfo\": {\"kind\": \"veth\", \"data\": {\"peer\": {\"ifname\": \"gv1\"}}}}",
                "--subscribe", "link", "--write", file.toString());
        assertEquals(0, r.exit(), r.all());
        String out = r.out();
        int replies = out.indexOf("NLMSG_ERROR ACK to RTM_NEWLINK");
        int notes = out.indexOf("-- 2 notifications to RTNLGRP_LINK:\n");
        assertTrue(replies > 0 && notes > replies, "the notifications after the replies: " + out);
        assertTrue(out.substring(notes).matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d{6}  ← kernel  route  pid \\d+  RTM_NEWLINK "
                + "ifname=\"gv0\".*"), "one line each, as nlwb monitor prints them: " + out.substring(notes));
        assertTrue(out.substring(notes).contains("RTM_NEWLINK ifname=\"gv1\""), out.substring(notes));

        Capture saved = Loader.standard().load(file, null, Protocol.UNKNOWN);
        List<String> where = new ArrayList<>();
        for (Record rec : saved.records()) {
            where.add(rec.direction() + " " + rec.location());
        }
        assertEquals(Direction.TO_KERNEL, saved.record(0).direction(), where.toString());
        assertEquals(4, saved.messageCount(), "request, ACK and both notifications in the file: " + where);
    }

    @NeedsRoot
    @Test
    void subscribeJsonCarriesTheNotificationsDecoded() throws Exception {
        try (ThrowawayNamespace ns = ThrowawayNamespace.create("nlwb-test")) {
            CliRun r = nlwb("send", "--netns", ns.name(), "--family", "rt-link", "--do", "newlink", "--flags", "create,excl",
                    "--json", "{\"ifname\": \"jv0\", \"linkinfo\": {\"kind\": \"veth\", \"data\": {\"peer\": "
                            + "{\"ifname\": \"jv1\"}}}}", "--subscribe", "RTNLGRP_LINK", "--json-out");
            assertEquals(0, r.exit(), r.all());
            assertEquals("RTNLGRP_LINK", r.json().get("groups").get(0).asText());
            List<String> notified = new ArrayList<>();
            for (JsonNode t : r.trees("notifications")) {
                assertEquals("RTM_NEWLINK", t.get("name").asText());
                notified.add(child(t, "IFLA_IFNAME").get("value").asText());
            }
            assertTrue(notified.containsAll(List.of("jv0", "jv1")), notified.toString());
        }
    }

    @Test
    void listOpsNamesEachOperationItsFormsHeaderAndRequestAttributes() throws Exception {
        CliRun r = nlwb("send", "--list-ops", "rt-link");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("== rt-link: 10 operations to send (netlink-raw on NETLINK_ROUTE; builtin:rt-link.yaml)\n"),
                r.out());
        assertTrue(r.out().contains("\ngetlink  do  RTM_GETLINK (18), fixed header ifinfomsg (ifi-family, ifi-pad, ifi-type, "
                + "ifi-index, ifi-flags, ifi-change)\n    do request: (the spec lists none: any of link-attrs, below)\n"), r.out());
        assertTrue(r.out().contains("\nattribute set link-attrs: address, broadcast, ifname, mtu, "), r.out());

        CliRun genl = nlwb("send", "--list-ops", "nlctrl", "--json-out");
        assertEquals(0, genl.exit(), genl.all());
        JsonNode getfamily = null;
        for (JsonNode op : genl.json().get("operations")) {
            if (op.get("name").asText().equals("getfamily")) {
                getfamily = op;
            }
        }
        assertEquals("CTRL_CMD_GETFAMILY", getfamily.get("type").asText(), genl.out());
        assertEquals("ctrl-attrs", getfamily.get("attribute_set").asText());
        assertTrue(getfamily.get("attribute_set_members").toString().contains("\"family-name\""), getfamily.toString());

        CliRun unknown = nlwb("send", "--list-ops", "rt-lnk");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("nlwb send: family: no spec for family 'rt-lnk' (did you mean rt-link?)"),
                unknown.err());
    }
}
