package org.nlwb.decoder.text;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * The human form of decoded messages (the CLI's text output, the window's text export, golden
 * files): a heading line for the capture, then per message a heading line and its tree indented
 * two spaces a level, {@code name: display  [offset+length]} with status and note where not ok,
 * then the capture's diagnostics. Unless asked for everything, the nla_len/nla_type/value leaves
 * (their content is on the attribute's own line) and zero padding are left out.
 *
 * <p>Counts. The capture's heading gives its records and messages when it has at most {@link
 * #COUNTS_FIRST_UP_TO} messages (knowing that waits for at most that many to be indexed); a
 * larger capture's heading says its counts come at the end and they do, on the first line of the
 * footer, so the text of a capture still being indexed starts with its first message
 * ({@code nlwb decode big.pcap | less} shows a screen at once). The choice depends on the
 * capture's content only, never on how far indexing has got, so the text is the same every time.
 *
 * <p>Writing: the text is UTF-8, rendered straight into bytes ({@link TextBytes}), no String per
 * line or message; each public method hands its bytes to the stream before it returns, so lines a
 * caller prints between them come in order. A {@code PrintStream} given as the stream receives the
 * bytes as they are: it must not stand for another charset. A failed write is thrown as an
 * {@link UncheckedIOException}; a PrintStream swallows its own. Not thread-safe (it keeps the
 * last second's formatted time and the bytes of the names it wrote, {@link NameBytes}): one per
 * writing thread.
 */
public final class TextTree {
    /** The most messages a capture may have for its heading to give the counts; beyond, they are at the end. */
    public static final int COUNTS_FIRST_UP_TO = 10_000;
    private static final byte[] NL = utf8(System.lineSeparator());
    private static final byte[][] ARROWS = arrows();
    private static final byte[][] STATUS_LABELS = statusLabels();
    /** {@code "  route"}, ...: the protocols a record can have, by number. */
    private static final byte[][] PROTOCOLS = protocols();
    private static final byte[] SEP = utf8("  ");
    private static final byte[] RECORD = utf8("  record ");
    private static final byte[] PID = utf8("  pid ");
    private static final byte[] COLON = utf8(": ");
    private static final byte[] OPEN_RANGE = utf8("  [");
    private static final byte[] OPEN_NOTE = utf8(" (");
    private static final byte[] HEADING = utf8("== ");
    private static final byte[] FOOTER = utf8("-- ");

    private final TextBytes out;
    private final boolean all;
    private final TimeText time = new TimeText();
    private final NameBytes names = new NameBytes();

    /**
     * @param out where {@link #capture}, {@link #heading}, {@link #message} and {@link #footer}
     *            write; may be null when only {@link #render} is used (a parallel decode's workers)
     * @param all also write nla_len/nla_type/value leaves and zero padding
     */
    public TextTree(OutputStream out, boolean all) {
        this.out = out == null ? null : new TextBytes(out);
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

    /** The capture's heading line: what {@link #capture} writes before the messages. */
    public void heading(Capture c) {
        out.bytes(HEADING).string(c.source()).bytes(OPEN_NOTE).string(c.format()).ascii(')').bytes(COLON);
        if (countsFirst(c)) {
            counts(c);
        } else {
            out.string("over " + COUNTS_FIRST_UP_TO + " messages, counted at the end");
        }
        out.bytes(NL).flush();
    }

    /** Whether {@code c}'s heading gives its counts (see the class comment); waits for at most that many messages. */
    public static boolean countsFirst(Capture c) {
        return !c.hasMessage(COUNTS_FIRST_UP_TO);
    }

    private void counts(Capture c) {
        count(c.recordCount(), "record").ascii(',').ascii(' ');
        count(c.messageCount(), "message");
    }

    /** {@code "1 record"}, {@code "4 records"}. */
    private TextBytes count(int n, String noun) {
        out.decimal(n).ascii(' ').string(noun);
        return n == 1 ? out : out.ascii('s');
    }

    /**
     * The counts when the heading did not give them, the capture's diagnostics and a blank line:
     * what {@link #capture} writes after the messages.
     */
    public void footer(Capture c) {
        if (!countsFirst(c)) {
            out.bytes(FOOTER);
            counts(c);
            out.bytes(NL);
        }
        List<Diagnostic> diagnostics = c.diagnostics();
        if (!diagnostics.isEmpty()) {
            out.bytes(FOOTER).string("diagnostics").bytes(NL);
            for (Diagnostic d : diagnostics) {
                out.bytes(SEP).string(d.toString()).bytes(NL);
            }
        }
        out.bytes(NL).flush();
    }

    /** One message: a heading line and its tree. */
    public void message(DecodedMessage m) {
        render(m, out);
        out.flush();
    }

    /** What {@link #message} writes for {@code m}, line ends included, appended to {@code into}. */
    public void render(DecodedMessage m, TextBytes into) {
        Record r = m.ref().record();
        into.ascii('#').decimal(m.ref().index()).bytes(RECORD).decimal(m.ref().recordIndex());
        if (r.timeNanos() >= 0) {
            into.bytes(SEP);
            time.write(into, r.timeNanos());
        }
        if (r.direction() != Direction.UNKNOWN) {
            into.bytes(ARROWS[r.direction().ordinal()]);
        }
        if (r.pid() >= 0) {
            into.bytes(PID).decimal(r.pid());
        }
        int p = r.protocol();
        if (p != Protocol.UNKNOWN) {
            into.bytes(p >= 0 && p < PROTOCOLS.length ? PROTOCOLS[p] : utf8("  " + Protocol.shortName(p)));
        }
        into.bytes(SEP).string(m.summary());
        if (m.className() != null && !m.className().equals("core")) {
            into.bytes(OPEN_RANGE).string(m.className()).ascii(']');
        }
        into.bytes(NL);
        node(into, m.tree(), 1);
    }

    private void node(TextBytes t, Node n, int depth) {
        t.spaces(2 * depth).bytes(names.of(n.name()));
        String display = n.display();
        if (display != null && !display.equals(n.name())) {
            if (n.value() instanceof Long l && Values.isSharedDecimal(l, display)) {
                t.bytes(COLON).decimal(l); // the digits, not a copy of the text
            } else {
                t.bytes(COLON).string(display);
            }
        }
        t.bytes(OPEN_RANGE).decimal(n.offset()).ascii('+').decimal(n.length()).ascii(']');
        Status s = n.status();
        String note = n.note();
        if (s != Status.OK && !(s == Status.PADDING && note == null)) {
            t.bytes(STATUS_LABELS[s.ordinal()]);
        }
        if (note != null) {
            t.bytes(OPEN_NOTE).string(note).ascii(')');
        }
        t.bytes(NL);
        List<Node> children = n.children();
        boolean isAttribute = !children.isEmpty() && children.get(0).name().equals("nla_len");
        for (int i = 0, size = children.size(); i < size; i++) {
            Node c = children.get(i);
            if (all || !hidden(c, isAttribute)) {
                node(t, c, depth + 1);
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

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] arrows() {
        byte[][] a = new byte[Direction.values().length][];
        for (Direction d : Direction.values()) {
            a[d.ordinal()] = utf8("  " + d.arrow());
        }
        return a;
    }

    private static byte[][] statusLabels() {
        byte[][] a = new byte[Status.values().length][];
        for (Status s : Status.values()) {
            a[s.ordinal()] = utf8("  " + s.label());
        }
        return a;
    }

    private static byte[][] protocols() {
        byte[][] a = new byte[32][];
        for (int p = 0; p < a.length; p++) {
            a[p] = utf8("  " + Protocol.shortName(p));
        }
        return a;
    }
}
