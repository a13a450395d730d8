package org.nlwb.decoder.ynl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nlwb.decoder.ynl.SchemaLevel.Where;

/**
 * A spec's {@code operations}: their attribute lists, their ids as {@code nlspec.py} numbers them
 * (unified: one counter from 1; directional: request and reply counters, moved by
 * {@code do/dump.request/reply.value} and, for notifications and events, by the operation's
 * {@code value}) and their kernel constant names; and the {@code mcast-groups}.
 */
final class Operations {
    private final NodeReader r;
    final List<OpSpec> ops = new ArrayList<>();
    /** Each operation's YAML by name, to place problems found later. */
    final Map<String, YamlNode> opNodes = new LinkedHashMap<>();
    boolean directional;

    Operations(NodeReader r) {
        this.r = r;
    }

    /** The operation counters while the list is read, and the names every constant starts with. */
    private static final class Numbering {
        final boolean directional;
        final String opPrefix;
        final String asyncPrefix;
        final String defaultHeader;
        int val = 1;
        int req = 1;
        int rsp = 1;

        Numbering(boolean directional, String opPrefix, String asyncPrefix, String defaultHeader) {
            this.directional = directional;
            this.opPrefix = opPrefix;
            this.asyncPrefix = asyncPrefix;
            this.defaultHeader = defaultHeader;
        }
    }

    /** An operation while the list is being read: notifications borrow from the operation they notify about. */
    private static final class OpDraft {
        final String name;
        final Integer requestId;
        final Integer replyId;
        final String enumName;
        final OpSpec.Kind kind;
        final YamlNode node;
        String attributeSet;
        String fixedHeader;
        String notifyOf;
        String mcgrp;
        String doc;
        Map<String, List<String>> lists = new LinkedHashMap<>();

        OpDraft(String name, Integer requestId, Integer replyId, String enumName, OpSpec.Kind kind, YamlNode node) {
            this.name = name;
            this.requestId = requestId;
            this.replyId = replyId;
            this.enumName = enumName;
            this.kind = kind;
            this.node = node;
        }
    }

    void read(YamlNode doc) {
        YamlNode opsNode = doc.get("operations");
        if (opsNode == null) {
            r.problem(doc, "", "missing required key \"operations\"");
            return;
        }
        if (!r.expectMap(opsNode, "operations")) {
            return;
        }
        Numbering n = numbering(opsNode);
        directional = n.directional;
        List<YamlNode> items = r.list(opsNode, "list", "operations");
        if (!opsNode.has("list")) {
            r.problem(opsNode, "operations", "missing required key \"list\"");
        }
        List<OpDraft> drafts = new ArrayList<>();
        for (YamlNode o : items) {
            if (r.expectMap(o, "operations.list")) {
                OpDraft d = draft(o, n);
                if (d != null) {
                    drafts.add(d);
                }
            }
        }
        inheritNotified(drafts);
        for (OpDraft d : drafts) {
            String fromName = directional ? replyName(d, drafts, n.opPrefix, r.level == SchemaLevel.NETLINK_RAW) : d.enumName;
            ops.add(new OpSpec(d.name, d.requestId, d.replyId, d.requestId == null ? null : d.enumName,
                    d.replyId == null ? null : fromName, d.attributeSet, d.fixedHeader, d.kind, d.notifyOf, d.mcgrp,
                    d.lists, d.doc));
            opNodes.put(d.name, d.node);
        }
    }

    private Numbering numbering(YamlNode opsNode) {
        r.checkKeys(opsNode, Where.OPERATIONS, "operations");
        Set<String> models = r.level.atLeastLegacy() ? Set.of("unified", "directional") : Set.of("unified");
        String model = r.oneOf(opsNode, "enum-model", "operations", models);
        String np = r.str(opsNode, "name-prefix", "operations", false);
        String opPrefix = NodeReader.cUpper(np != null ? np : r.familyName + "-cmd-");
        String ap = r.str(opsNode, "async-prefix", "operations", false);
        String asyncPrefix = ap != null ? NodeReader.cUpper(ap) : opPrefix;
        String defaultHeader = r.str(opsNode, "fixed-header", "operations", false);
        return new Numbering("directional".equals(model), opPrefix, asyncPrefix, defaultHeader);
    }

    /** One operation of the list, numbered; null (with a problem) when it cannot be. */
    private OpDraft draft(YamlNode o, Numbering n) {
        String path = "operations.list[" + NodeReader.scalarName(o) + "]";
        r.checkKeys(o, Where.OPERATION, path);
        String name = r.str(o, "name", path, true);
        if (name == null) {
            return null;
        }
        Map<String, List<String>> lists = modeLists(o, path);
        YamlNode ev = o.get("event");
        if (ev != null && r.expectMap(ev, path + ".event")) {
            r.checkKeys(ev, Where.EVENT, path + ".event");
            lists.put("event", names(ev, path + ".event"));
        }
        String notify = r.str(o, "notify", path, false);
        Long explicit = r.integer(o, "value", path);
        boolean async = notify != null || o.has("event");
        OpSpec.Kind kind = notify != null ? OpSpec.Kind.NOTIFY : o.has("event") ? OpSpec.Kind.EVENT : OpSpec.Kind.REQUEST;
        Integer[] ids = ids(o, path, n, async, explicit);
        if (ids == null) {
            return null;
        }
        OpDraft d = new OpDraft(name, ids[0], ids[1], (async ? n.asyncPrefix : n.opPrefix) + NodeReader.cUpper(name), kind, o);
        d.attributeSet = r.str(o, "attribute-set", path, false);
        d.fixedHeader = o.has("fixed-header") ? r.str(o, "fixed-header", path, false) : n.defaultHeader;
        d.notifyOf = notify;
        d.mcgrp = r.str(o, "mcgrp", path, false);
        d.lists = lists;
        d.doc = r.str(o, "doc", path, false);
        return d;
    }

    /** The attribute lists of the do and dump forms, keyed {@code "do request"} ... */
    private Map<String, List<String>> modeLists(YamlNode o, String path) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String mode : List.of("do", "dump")) {
            YamlNode m = o.get(mode);
            if (m == null || m.isNull() || !r.expectMap(m, path + "." + mode)) {
                continue;
            }
            r.checkKeys(m, Where.MODE, path + "." + mode);
            for (String dir : List.of("request", "reply")) {
                YamlNode msg = m.get(dir);
                if (msg != null && !msg.isNull() && r.expectMap(msg, path + "." + mode + "." + dir)) {
                    r.checkKeys(msg, Where.MESSAGE, path + "." + mode + "." + dir);
                    lists.put(mode + " " + dir, names(msg, path + "." + mode + "." + dir));
                    r.integer(msg, "value", path + "." + mode + "." + dir);
                }
            }
        }
        return lists;
    }

    /** {request id, reply id} of an operation, moving the counters; null with a problem when it has neither. */
    private Integer[] ids(YamlNode o, String path, Numbering n, boolean async, Long explicit) {
        if (!n.directional) {
            if (explicit != null) {
                n.val = explicit.intValue();
            }
            Integer[] ids = {async ? null : n.val, n.val};
            n.val++;
            return ids;
        }
        if (async) {
            if (explicit != null) {
                n.rsp = explicit.intValue();
            }
            return new Integer[] {null, n.rsp++};
        }
        if (!o.has("do") && !o.has("dump")) {
            r.problem(o, path, "a directional operation needs do, dump, notify or event");
            return null;
        }
        // as nlspec.py: the ids come from "do" when there is one, else from "dump"
        YamlNode primary = o.has("do") ? o.get("do") : o.get("dump");
        boolean hasReply = false;
        if (primary != null && primary.isMap()) {
            Integer req = messageValue(primary.get("request"));
            Integer rsp = messageValue(primary.get("reply"));
            n.req = req != null ? req : n.req;
            n.rsp = rsp != null ? rsp : n.rsp;
            hasReply = primary.has("reply");
        }
        Integer[] ids = {n.req++, hasReply ? n.rsp : null};
        if (hasReply) {
            n.rsp++;
        }
        return ids;
    }

    /** A notification has the layout of the reply of the operation it notifies about ("notify: getlink"). */
    private static void inheritNotified(List<OpDraft> drafts) {
        for (OpDraft d : drafts) {
            for (OpDraft of : drafts) {
                if (d.notifyOf != null && of.name.equals(d.notifyOf)) {
                    d.attributeSet = d.attributeSet != null ? d.attributeSet : of.attributeSet;
                    d.fixedHeader = d.fixedHeader != null ? d.fixedHeader : of.fixedHeader;
                    List<String> reply = of.lists.getOrDefault("do reply", of.lists.get("dump reply"));
                    if (d.lists.isEmpty() && reply != null) {
                        d.lists.put("notify", reply);
                    }
                }
            }
        }
    }

    /**
     * The kernel constant of a directional operation's messages from the kernel. The spec does not
     * spell it; the kernel's own headers follow these habits, tried in this order:
     * <ol>
     * <li>the id is another operation's request id, the enum being shared both ways: rtnetlink's
     *     getlink reply is {@code RTM_NEWLINK}, devlink's port-get reply {@code DEVLINK_CMD_PORT_NEW};</li>
     * <li>notifications and events carry their own name;</li>
     * <li>legacy fused names ({@code getfamily}) reply with the {@code new} form when the ids differ
     *     ({@code CTRL_CMD_NEWFAMILY}) and with their own name when they do not ({@code CTRL_CMD_GETPOLICY});</li>
     * <li>otherwise the generated-header convention {@code <NAME>_REPLY} ({@code ETHTOOL_MSG_STRSET_GET_REPLY}).</li>
     * </ol>
     * {@code SpecUapiNamesTest} checks the result against the UAPI headers.
     */
    private static String replyName(OpDraft d, List<OpDraft> all, String opPrefix, boolean sharedIds) {
        if (d.replyId == null) {
            return null;
        }
        // netlink-raw numbers requests and replies alike (getlink's reply is RTM_NEWLINK, newlink's
        // request); generic netlink's directional families (ethtool) number them apart, so there a
        // request with the reply's number is another message altogether
        for (OpDraft other : sharedIds ? all : List.<OpDraft>of()) {
            if (other != d && d.replyId.equals(other.requestId)) {
                return other.enumName;
            }
        }
        if (d.kind != OpSpec.Kind.REQUEST) {
            return d.enumName;
        }
        if (d.name.matches("get[a-z0-9]+")) {
            return d.replyId.equals(d.requestId) ? d.enumName : opPrefix + "NEW" + NodeReader.cUpper(d.name.substring(3));
        }
        return d.enumName + "_REPLY";
    }

    private static Integer messageValue(YamlNode msg) {
        if (msg == null || !msg.isMap() || msg.get("value") == null || !msg.get("value").isScalar()) {
            return null;
        }
        Long v = NodeReader.parseLong(msg.get("value").text());
        return v == null ? null : v.intValue();
    }

    private List<String> names(YamlNode msg, String path) {
        List<String> names = new ArrayList<>();
        for (YamlNode n : r.list(msg, "attributes", path)) {
            if (n.isScalar()) {
                names.add(n.text());
            } else {
                r.problem(n, path + ".attributes", "must be an attribute name, is " + n.describeKind());
            }
        }
        return names;
    }

    List<Family.McastGroup> mcastGroups(YamlNode doc) {
        List<Family.McastGroup> out = new ArrayList<>();
        YamlNode mg = doc.get("mcast-groups");
        if (mg == null || !r.expectMap(mg, "mcast-groups")) {
            return out;
        }
        r.checkKeys(mg, Where.MCAST_GROUPS, "mcast-groups");
        for (YamlNode g : r.list(mg, "list", "mcast-groups")) {
            if (!r.expectMap(g, "mcast-groups.list")) {
                continue;
            }
            r.checkKeys(g, Where.MCAST_GROUP, "mcast-groups.list");
            String name = r.str(g, "name", "mcast-groups.list", true);
            Long v = r.integer(g, "value", "mcast-groups.list[" + name + "]");
            if (name != null) {
                out.add(new Family.McastGroup(name, v == null ? null : v.intValue()));
            }
        }
        return out;
    }
}
