package org.nlwb.decoder.text;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The human form of decoded messages (the CLI's text output, the window's text export, golden files): one heading line per message, then its tree indented two
 * spaces a level, {@code name: display  [offset+length]} with status and note where not ok.
 * Unless asked for everything, the nla_len/nla_type/value leaves (their content is on the
 * attribute's own line) and zero padding are left out.
 */
public final class TextTree {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final String NL = System.lineSeparator();
    private final PrintStream out;
    private final boolean all;

    /**
     * @param out where {@link #capture}, {@link #heading}, {@link #message} and {@link #footer}
     *            print; may be null when only {@link #render} is used (a parallel decode's workers)
     * @param all also print nla_len/nla_type/value leaves and zero padding
     */
    public TextTree(PrintStream out, boolean all) {
        this.out = out;
        this.all = all;
    }

    /** A heading for the capture, every message, then its diagnostics. */
    public void capture(Capture c, Iterable<DecodedMessage> messages) {
        heading(c);
        for (DecodedMessage m : messages) {
            message(m);
        }
        footer(c);
    }

    /** The capture's heading line: what {@link #capture} prints before the messages. */
    public void heading(Capture c) {
        out.printf("== %s (%s): %s, %s%n", c.source(), c.format(), count(c.recordCount(), "record"),
                count(c.messageCount(), "message"));
    }

    /** {@code "1 record"}, {@code "4 records"}. */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The capture's diagnostics and a blank line: what {@link #capture} prints after the messages. */
    public void footer(Capture c) {
        if (!c.diagnostics().isEmpty()) {
            out.println("-- diagnostics");
            for (Diagnostic d : c.diagnostics()) {
                out.println("  " + d);
            }
        }
        out.println();
    }

    /** One message: a heading line and its tree. */
    public void message(DecodedMessage m) {
        // one write per message: PrintStream encodes and locks per call, which per line was a
        // good part of the text output's cost
        out.append(render(m));
    }

    /** What {@link #message} prints for {@code m}, line ends included; touches no stream. */
    public StringBuilder render(DecodedMessage m) {
        Record r = m.ref().record();
        StringBuilder h = new StringBuilder();
        h.append('#').append(m.ref().index()).append("  record ").append(m.ref().recordIndex());
        if (r.timeNanos() >= 0) {
            h.append("  ").append(TIME.format(Instant.ofEpochSecond(0, r.timeNanos())));
        }
        if (r.direction() != org.nlwb.decoder.model.Direction.UNKNOWN) {
            h.append("  ").append(r.direction().arrow());
        }
        if (r.pid() >= 0) {
            h.append("  pid ").append(r.pid());
        }
        if (r.protocol() != Protocol.UNKNOWN) {
            h.append("  ").append(Protocol.shortName(r.protocol()));
        }
        h.append("  ").append(m.summary());
        if (m.className() != null && !m.className().equals("core")) {
            h.append("  [").append(m.className()).append(']');
        }
        h.append(NL);
        node(h, m.tree(), 1);
        return h;
    }

    private void node(StringBuilder sb, Node n, int depth) {
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
        sb.append(n.name());
        if (n.display() != null && !n.display().equals(n.name())) {
            sb.append(": ").append(n.display());
        }
        sb.append("  [").append(n.offset()).append('+').append(n.length()).append(']');
        if (n.status() != Status.OK && !(n.status() == Status.PADDING && n.note() == null)) {
            sb.append("  ").append(n.status().label());
        }
        if (n.note() != null) {
            sb.append(" (").append(n.note()).append(')');
        }
        sb.append(NL);
        List<Node> children = n.children();
        boolean isAttribute = !children.isEmpty() && children.get(0).name().equals("nla_len");
        for (int i = 0, size = children.size(); i < size; i++) {
            Node c = children.get(i);
            if (all || !hidden(c, isAttribute)) {
                node(sb, c, depth + 1);
            }
        }
    }

    private static boolean hidden(Node c, boolean parentIsAttribute) {
        if (c.status() == Status.PADDING && c.note() == null) {
            return true;
        }
        return parentIsAttribute && c.isLeaf() && c.status() == Status.OK
                && (c.name().equals("nla_len") || c.name().equals("nla_type") || c.name().equals("value"));
    }
}
