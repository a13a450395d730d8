package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.DumpFormat;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.testing.StraceStructure;
import org.nlwb.decoder.testing.StraceStructure.Struct;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * strace is an independent netlink decoder with its own tables: its structured decode in every
 * {@code *.strace.txt} (the shared captures and the project's samples) is the oracle for the
 * built-in families. For every attribute strace names ({@code [{nla_len=8, nla_type=IFLA_MTU}, 1500]})
 * nlwb must name the attribute at the same place alike, and where strace's value can be compared
 * (numbers, strings, addresses, MACs, enum and flag names, struct members) give the same value.
 * Fixed-header struct members strace prints ({@code ifi_type=ARPHRD_LOOPBACK}) are compared too.
 *
 * <p>The agreement figures and every disagreement are printed; the test asserts floors that the
 * current specs reach.
 */
class StraceOracleTest {
    private static final double ATTRIBUTE_FLOOR = 0.995;
    private static final double FIELD_FLOOR = 0.995;
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");
    private static final Pattern HTON = Pattern.compile("hton[sl]\\((\\d+)\\)");
    private static final Pattern INET = Pattern.compile("inet_(?:addr\\(|pton\\(AF_INET6?, )\"([^\"]+)\".*");
    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:)+[0-9a-f]{2}");

    /** Tallies of one run. */
    static final class Tally {
        int attrs;
        int attrsAgreed;
        int values;
        int valuesAgreed;
        int fields;
        int fieldsAgreed;
        final List<String> disagreements = new ArrayList<>();
    }

    @Test
    void nlwbNamesAndValuesAgreeWithStracesOwnDecode() throws Exception {
        List<Path> logs = new ArrayList<>();
        for (Path dir : List.of(Samples.shared().resolve("samples/captured"), Samples.project(), CapturedFamilies.dir())) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    // malformed-* samples are hand-corrupted: strace's decode describes bytes they no longer hold
                    s.filter(p -> p.toString().endsWith(".strace.txt"))
                            .filter(p -> !p.getFileName().toString().startsWith("malformed-")).sorted().forEach(logs::add);
                }
            }
        }
        assertTrue(logs.size() >= 7, "strace logs expected under " + Samples.shared());
        MessageDecoder decoder = new MessageDecoder(RegistryFactory.standard(List.of()));
        Tally total = new Tally();
        for (Path log : logs) {
            Tally t = new Tally();
            check(log, decoder, t);
            System.out.printf("%-45s attributes %4d/%-4d  values %4d/%-4d  header fields %4d/%-4d%n",
                    log.getFileName(), t.attrsAgreed, t.attrs, t.valuesAgreed, t.values, t.fieldsAgreed, t.fields);
            total.attrs += t.attrs;
            total.attrsAgreed += t.attrsAgreed;
            total.values += t.values;
            total.valuesAgreed += t.valuesAgreed;
            total.fields += t.fields;
            total.fieldsAgreed += t.fieldsAgreed;
            t.disagreements.forEach(d -> total.disagreements.add(log.getFileName() + ": " + d));
        }
        double attrRate = (double) total.attrsAgreed / total.attrs;
        double fieldRate = (double) total.fieldsAgreed / total.fields;
        System.out.printf("ORACLE AGREEMENT: attributes %d/%d = %.4f (name and value); values %d/%d; "
                        + "header fields %d/%d = %.4f%n", total.attrsAgreed, total.attrs, attrRate,
                total.valuesAgreed, total.values, total.fieldsAgreed, total.fields, fieldRate);
        System.out.println("disagreements (" + total.disagreements.size() + "):");
        total.disagreements.forEach(d -> System.out.println("  " + d));
        assertTrue(total.attrs > 300, "strace names enough attributes to compare: " + total.attrs);
        assertTrue(attrRate >= ATTRIBUTE_FLOOR, "attribute agreement " + attrRate + " below " + ATTRIBUTE_FLOOR);
        assertTrue(fieldRate >= FIELD_FLOOR, "header field agreement " + fieldRate + " below " + FIELD_FLOOR);
    }

    @Test
    void valuesThatDifferAreCountedAsDisagreements() {
        Node mtu = new Node("IFLA_MTU", 4, 0, 8, 1400L, "1400", org.nlwb.decoder.tree.Status.OK, null, List.of());
        assertTrue(scalarAgrees("1500", mtu) == Boolean.FALSE);
        assertTrue(scalarAgrees("1400", mtu) == Boolean.TRUE);
        Node flags = new Node("IFA_FLAGS", 8, 0, 8, 0x80L, "IFA_F_PERMANENT", org.nlwb.decoder.tree.Status.OK, null, List.of());
        assertTrue(scalarAgrees("IFA_F_PERMANENT", flags) == Boolean.TRUE);
        assertTrue(scalarAgrees("IFA_F_NODAD|IFA_F_PERMANENT", flags) == Boolean.FALSE);
        Node addr = new Node("IFA_ADDRESS", 1, 0, 8, "127.0.0.1", "127.0.0.1", org.nlwb.decoder.tree.Status.OK, null, List.of());
        assertTrue(scalarAgrees("inet_addr(\"127.0.0.2\")", addr) == Boolean.FALSE);
    }

    private static void check(Path log, MessageDecoder decoder, Tally t) throws Exception {
        Capture c = Loader.standard().load(log, DumpFormat.STRACE, Protocol.UNKNOWN);
        var conv = Conversations.of(c);
        Map<String, ArrayDeque<Node>> ours = new HashMap<>();
        for (MessageRef ref : c.messages()) {
            DecodedMessage m = decoder.decode(ref, conv.apply(ref.index()));
            List<String> v = TreeChecks.violations(m.tree(), ref.length());
            if (!v.isEmpty()) {
                t.disagreements.add("message " + ref.index() + " does not tile: " + v);
            }
            m.tree().walk(n -> {
                Node h = n.child("nlmsghdr");
                if (h != null) {
                    ours.computeIfAbsent(key(h), k -> new ArrayDeque<>()).add(n);
                }
            });
        }
        int lineNo = 0;
        for (String line : Files.readAllLines(log)) {
            lineNo++;
            if (line.startsWith(" |") || line.startsWith(" *") || line.contains("MSG_PEEK")) {
                continue;
            }
            for (List<Object> msg : StraceStructure.messages(line)) {
                Struct hdr = (Struct) msg.get(0);
                if ("0".equals(hdr.get("nlmsg_len"))) {
                    continue; // strace reads trailing zero bytes as an empty header; they are no message
                }
                String k = hdr.get("nlmsg_len") + "/" + hdr.get("nlmsg_seq") + "/" + (Long.parseLong(
                        String.valueOf(hdr.get("nlmsg_pid"))) & 0xffffffffL);
                ArrayDeque<Node> q = ours.get(k);
                String where = "line " + lineNo + " " + hdr.get("nlmsg_type");
                if (q == null || q.isEmpty()) {
                    t.disagreements.add(where + ": no message of ours with len/seq/pid " + k);
                    continue;
                }
                compareMessage(where, msg, q.poll(), t);
            }
        }
    }

    private static String key(Node h) {
        return h.child("nlmsg_len").value() + "/" + h.child("nlmsg_seq").value() + "/" + h.child("nlmsg_pid").value();
    }

    /**
     * Messages whose attributes strace 6.1 decodes with the wrong table, so its names are no oracle
     * there: the tc action messages' top-level attributes are TCA_ROOT_* to the kernel
     * (net/sched/act_api.c, tc_ctl_action parses them with TCA_ROOT_MAX), strace reads them as
     * TCA_ACT_* (the attributes inside each action).
     */
    private static final java.util.Set<String> STRACE_WRONG_TABLE = java.util.Set.of("RTM_NEWACTION", "RTM_DELACTION",
            "RTM_GETACTION");

    private static void compareMessage(String where, List<Object> msg, Node ours, Tally t) {
        List<Node> ourAttrs = attributes(ours);
        if (STRACE_WRONG_TABLE.contains(where.substring(where.lastIndexOf(' ') + 1))) {
            ourAttrs = null;
        }
        List<Node> ourStructs = ours.children().stream()
                .filter(n -> !n.name().equals("nlmsghdr") && n.child("nla_type") == null && !n.isLeaf()).toList();
        for (int i = 1; i < msg.size(); i++) {
            Object part = msg.get(i);
            if (part instanceof Struct s && s.get("error") == null && s.get("cmd") == null && !ourStructs.isEmpty()) {
                compareStruct(where + " " + ourStructs.get(0).name(), s, ourStructs.get(0), t, true);
            } else if (part instanceof List<?> l && ourAttrs != null) {
                compareAttributes(where, asAttributeList(l), ourAttrs, t);
            }
        }
    }

    /** A strace attribute list: {@code [[{nla..}, v], ...]} or one bare attribute {@code [{nla..}, v]}. */
    private static List<List<?>> asAttributeList(List<?> l) {
        List<List<?>> out = new ArrayList<>();
        if (isAttribute(l)) {
            out.add(l);
            return out;
        }
        for (Object o : l) {
            if (o instanceof List<?> a && isAttribute(a)) {
                out.add(a);
            } else if (o instanceof Struct s && s.get("nla_len") != null) {
                out.add(List.of(s));
            } else if ("...".equals(o)) {
                break;
            } else {
                return out.isEmpty() ? List.of() : out;
            }
        }
        return out;
    }

    private static boolean isAttribute(List<?> l) {
        return !l.isEmpty() && l.get(0) instanceof Struct s && s.get("nla_len") != null && s.get("nla_type") != null;
    }

    private static List<Node> attributes(Node parent) {
        return parent.children().stream().filter(n -> n.child("nla_type") != null).toList();
    }

    private static void compareAttributes(String where, List<List<?>> theirs, List<Node> ours, Tally t) {
        for (int i = 0; i < theirs.size(); i++) {
            List<?> a = theirs.get(i);
            Struct h = (Struct) a.get(0);
            String type = String.valueOf(h.get("nla_type")).replace("NLA_F_NESTED|", "").replace("NLA_F_NET_BYTEORDER|", "");
            long len = Long.parseLong(String.valueOf(h.get("nla_len")));
            Node o = i < ours.size() ? ours.get(i) : null;
            if (type.startsWith("0x") || NUMBER.matcher(type).matches()) {
                continue; // strace names nothing here
            }
            t.attrs++;
            String at = where + " " + type;
            if (o == null || o.length() != len) {
                t.disagreements.add(at + ": strace has nla_len " + len + ", ours " + (o == null ? "nothing" : o.name() + " len " + o.length()));
                continue;
            }
            if (!o.name().equals(type)) {
                t.disagreements.add(at + ": we name it " + o.name());
                continue;
            }
            Object value = a.size() > 1 ? a.get(1) : null;
            boolean agreed = value == null || compareValue(at, value, o, t);
            if (agreed) {
                t.attrsAgreed++;
            }
        }
    }

    /** Whether the value agrees (or cannot be compared); counts compared values. */
    private static boolean compareValue(String at, Object theirs, Node o, Tally t) {
        if (theirs instanceof List<?> l) {
            List<List<?>> nested = asAttributeList(l);
            if (!nested.isEmpty() && !attributes(o).isEmpty()) {
                compareAttributes(at + " >", nested, attributes(o), t);
                return true;
            }
            if (!nested.isEmpty() && o.child("value") == null) {
                // a nest strace reads as attributes that we show some other way
                Node sub = o.children().stream().filter(n -> !attributes(n).isEmpty()).findFirst().orElse(null);
                if (sub != null) {
                    compareAttributes(at + " >", nested, attributes(sub), t);
                    return true;
                }
            }
            return true; // arrays and the like: not compared
        }
        if (theirs instanceof Struct s) {
            return compareStruct(at, s, o, t, false);
        }
        String v = (String) theirs;
        Boolean r = scalarAgrees(v, o);
        if (r == null) {
            return true;
        }
        t.values++;
        if (r) {
            t.valuesAgreed++;
        } else {
            t.disagreements.add(at + ": strace " + v + ", ours " + o.value() + " (" + o.display() + ")");
        }
        return r;
    }

    private static boolean compareStruct(String at, Struct s, Node o, Tally t, boolean header) {
        Map<String, Node> byName = new HashMap<>();
        o.walk(n -> byName.putIfAbsent(norm(n.name()), n));
        // strace's fallback for a header it has no table for: {family=AF_..., data="..."}, the
        // first byte named and the rest as a string; its family is our *_family member
        boolean fallback = s.fields().containsKey("family") && s.fields().containsKey("data") && s.fields().size() == 2;
        if (fallback) {
            o.walk(n -> {
                if (n.name().endsWith("_family")) {
                    byName.putIfAbsent(norm("family"), n);
                }
            });
        }
        boolean all = true;
        for (Map.Entry<String, Object> f : s.fields().entrySet()) {
            if (fallback && f.getKey().equals("data")) {
                continue; // bytes strace does not decode
            }
            Node n = byName.get(norm(f.getKey()));
            if (f.getValue() instanceof Struct inner) {
                if (n != null) {
                    all &= compareStruct(at + "." + f.getKey(), inner, n, t, header);
                }
                continue;
            }
            if (!(f.getValue() instanceof String v)) {
                continue;
            }
            if (n == null) {
                if (header) {
                    t.fields++;
                    t.disagreements.add(at + "." + f.getKey() + ": we have no such member");
                    all = false;
                }
                continue;
            }
            Boolean r = scalarAgrees(v, n);
            if (r == null) {
                continue;
            }
            if (header) {
                t.fields++;
            } else {
                t.values++;
            }
            if (r) {
                if (header) {
                    t.fieldsAgreed++;
                } else {
                    t.valuesAgreed++;
                }
            } else {
                all = false;
                t.disagreements.add(at + "." + f.getKey() + ": strace " + v + ", ours " + n.value() + " (" + n.display() + ")");
            }
        }
        return all;
    }

    private static String norm(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "_");
    }

    /** TRUE/FALSE when comparable, null when strace's text cannot be compared with a value. */
    static Boolean scalarAgrees(String v, Node o) {
        Object ours = o.value();
        String display = o.display() == null ? "" : o.display();
        if (v.isEmpty() || v.equals("...") || v.startsWith("if_nametoindex(") || v.contains("...")) {
            return null;
        }
        Matcher hton = HTON.matcher(v);
        if (hton.matches()) {
            v = hton.group(1);
        }
        if (NUMBER.matcher(v).matches()) {
            if (ours instanceof Long || ours instanceof BigInteger) {
                BigInteger theirs = new BigInteger(v);
                BigInteger mine = ours instanceof Long l ? BigInteger.valueOf(l) : (BigInteger) ours;
                // the same bits read with the other signedness (strace prints NETCONFA_IFINDEX_ALL as u32)
                return theirs.equals(mine) || mine.signum() < 0
                        && (theirs.equals(mine.add(BigInteger.ONE.shiftLeft(32))) || theirs.equals(mine.add(BigInteger.ONE.shiftLeft(64))));
            }
            if (ours instanceof Boolean) {
                return null;
            }
            return display.equals(v) || display.startsWith(v + " ");
        }
        if (v.startsWith("0x") && v.matches("0x[0-9a-f]+")) {
            return ours instanceof Long l ? Long.parseLong(v.substring(2), 16) == l : null;
        }
        if (v.startsWith("\"")) {
            byte[] b = StraceStructure.unescape(v);
            if (ours instanceof String s && (b.length == 4 || b.length == 16) && s.matches("[0-9a-fA-F.:]+") && s.contains(".") | s.contains(":")) {
                try {
                    // strace shows an address as bytes where it does not know the family (NDA_DST of AF_BRIDGE)
                    if (java.util.Arrays.equals(b, InetAddress.getByName(s).getAddress())) {
                        return true;
                    }
                } catch (Exception e) {
                    // not an address after all; compare as text below
                }
            }
            if (ours instanceof String s) {
                String text = new String(b, java.nio.charset.StandardCharsets.UTF_8);
                int nul = text.indexOf('\0');
                String want = nul >= 0 ? text.substring(0, nul) : text;
                if (s.equals(want)) {
                    return true;
                }
                return s.equalsIgnoreCase(HexFormat.of().formatHex(b));
            }
            return null;
        }
        Matcher inet = INET.matcher(v);
        if (inet.matches()) {
            try {
                return ours instanceof String s && InetAddress.getByName(inet.group(1)).equals(InetAddress.getByName(s));
            } catch (Exception e) {
                return false;
            }
        }
        if (MAC.matcher(v).matches()) {
            return ours instanceof String s && s.replace(":", "").equalsIgnoreCase(v.replace(":", ""));
        }
        if (v.matches("[A-Za-z0-9_|<]+") && v.matches(".*[A-Z_].*")) {
            String d = display.toUpperCase(Locale.ROOT).replace('-', '_');
            if (Long.valueOf(0).equals(ours) && v.endsWith("_NONE")) {
                return true; // strace names zero (NUD_NONE); a flags display has no name for it
            }
            for (String token : v.split("\\|")) {
                String tok = token.replace("1<<", "");
                if (tok.matches("0X[0-9A-F]+|0x[0-9a-f]+|\\d+")) {
                    continue;
                }
                if (!containsSuffixWord(d, tok)) {
                    return false;
                }
            }
            return true;
        }
        return null;
    }

    /** {@code IFA_F_PERMANENT} is found in a display that says {@code IFA_F_PERMANENT} or {@code PERMANENT}. */
    private static boolean containsSuffixWord(String display, String token) {
        String t = token;
        while (true) {
            if (Pattern.compile("(^|[^A-Z0-9_])" + Pattern.quote(t) + "($|[^A-Z0-9_])").matcher(display).find()) {
                return true;
            }
            int u = t.indexOf('_');
            if (u < 0 || u == t.length() - 1) {
                return false;
            }
            t = t.substring(u + 1);
        }
    }
}
