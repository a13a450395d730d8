package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.nlwb.decoder.encode.Request;

/**
 * The ready-made requests of Compose ▸ Templates: each one or several messages (a batch) that the
 * kernel of a fresh namespace takes as they are, to be edited before sending.
 */
public final class Templates {
    /** A named starting point; more than one message is sent as one datagram. */
    public record Template(String name, List<Request> messages) {
        public Template {
            messages = List.copyOf(messages);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** nfgenmsg for nftables: NFNL_SUBSYS_NFTABLES in res-id (big-endian in the spec), version 0. */
    private static final String NFT_BATCH = "{\"nfgen-family\": 0, \"version\": 0, \"res-id\": 10}";

    private Templates() {
    }

    public static List<Template> all() {
        return List.of(
                one("Create a veth pair", "rt-link", "newlink", false,
                        "{\"ifname\": \"veth0\", \"linkinfo\": {\"kind\": \"veth\", \"data\": {\"peer\": {\"ifname\": \"veth1\"}}}}",
                        "CREATE", "EXCL"),
                one("Set a link up", "rt-link", "setlink", false,
                        "{\"ifi-flags\": \"up\", \"ifi-change\": \"up\", \"ifname\": \"lo\"}"),
                one("Add an address", "rt-addr", "newaddr", false,
                        "{\"ifa-family\": 2, \"ifa-prefixlen\": 8, \"ifa-index\": 1, \"local\": \"127.0.0.2\", \"address\": \"127.0.0.2\"}",
                        "CREATE", "EXCL"),
                one("Add a route", "rt-route", "newroute", false,
                        "{\"rtm-family\": 2, \"rtm-dst-len\": 16, \"rtm-table\": 254, \"rtm-protocol\": 4, \"rtm-scope\": 253,"
                                + " \"rtm-type\": 1, \"dst\": \"10.9.0.0\", \"oif\": 1}",
                        "CREATE", "EXCL"),
                one("Get a link by name", "rt-link", "getlink", false, "{\"ifname\": \"lo\"}"),
                one("Dump links", "rt-link", "getlink", true, "{}"),
                one("Dump addresses", "rt-addr", "getaddr", true, "{}"),
                one("Dump routes", "rt-route", "getroute", true, "{\"rtm-family\": 2}"),
                one("Dump generic netlink families", "nlctrl", "getfamily", true, "{}"),
                one("Ethtool link info", "ethtool", "linkinfo-get", false, "{\"header\": {\"dev-name\": \"lo\"}}"),
                new Template("nftables: add table (batch)", List.of(
                        request("nftables", "nfnl-msg-batch-begin", NFT_BATCH).withAck(false),
                        request("nftables", "nft-msg-newtable", "{\"nfgen-family\": 2, \"name\": \"nlwb\"}")
                                .withFlags(List.of("CREATE")),
                        request("nftables", "nfnl-msg-batch-end", NFT_BATCH).withAck(false))));
    }

    /** The template called {@code name}. */
    public static Template named(String name) {
        return all().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no template '" + name + "'"));
    }

    private static Template one(String name, String family, String op, boolean dump, String json, String... flags) {
        return new Template(name, List.of(Request.of(family, op, dump, parse(json)).withFlags(List.of(flags))));
    }

    private static Request request(String family, String op, String json) {
        return Request.of(family, op, false, parse(json));
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template JSON: " + e.getMessage(), e);
        }
    }
}
