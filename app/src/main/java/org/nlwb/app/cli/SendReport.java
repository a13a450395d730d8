package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.extack.ExtAckExplainer;
import org.nlwb.decoder.extack.ExtAckExplanation;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.text.TextTree;

/**
 * How {@code nlwb send} prints: the request and every reply decoded, as text trees with an
 * {@code ext-ACK:} line under each reply that has one, or with {@code --json-out} as one JSON
 * object ({@code namespace, error, errno, complete, messages, ext_ack}); and a dry run's request.
 */
final class SendReport {
    private final PrintWriter out;
    private final boolean json;
    private final boolean all;

    /**
     * @param json print JSON (decode's node schema) instead of text
     * @param all  text: also show nla_len/nla_type leaves and zero padding
     */
    SendReport(PrintWriter out, boolean json, boolean all) {
        this.out = out;
        this.json = json;
        this.all = all;
    }

    /** The request and its replies; the nlctrl look-up before the request stays off screen (it is in --write's file). */
    void exchange(NamespacedSend.Outcome o, DecodedCapture decoded, Request sent) throws IOException {
        List<DecodedMessage> shown = new ArrayList<>();
        DecodedMessage request = null;
        for (int i = 0; i < decoded.messageCount(); i++) {
            MessageRef ref = decoded.message(i);
            if (ref.recordIndex() < o.requestRecord()) {
                continue;
            }
            DecodedMessage m = decoded.decodeUncached(i);
            if (request == null && ref.record().direction() == Direction.TO_KERNEL) {
                request = m;
            }
            shown.add(m);
        }
        List<ExtAckExplanation> acks = new ArrayList<>();
        for (DecodedMessage m : shown) {
            acks.add(ExtAckExplainer.explain(m, request, o.family(), o.op()).orElse(null));
        }
        if (json) {
            exchangeJson(o, shown, acks);
        } else {
            exchangeText(o, sent, shown, acks);
        }
        out.flush();
    }

    private void exchangeJson(NamespacedSend.Outcome o, List<DecodedMessage> shown, List<ExtAckExplanation> acks)
            throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(buf, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("namespace", o.where());
            g.writeNumberField("error", o.reply().error());
            g.writeStringField("errno", o.reply().error() == 0 ? null : Errno.signedName(o.reply().error()));
            g.writeBooleanField("complete", o.reply().complete());
            g.writeArrayFieldStart("messages");
            for (DecodedMessage m : shown) {
                TreeJson.writeMessage(g, m);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ext_ack");
            for (int i = 0; i < shown.size(); i++) {
                if (acks.get(i) != null) {
                    extAckJson(g, shown.get(i).ref().index(), acks.get(i));
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println(buf.toString(StandardCharsets.UTF_8));
    }

    private static void extAckJson(JsonGenerator g, int index, ExtAckExplanation a) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", index);
        g.writeStringField("message", a.message());
        if (a.pointer() != null) {
            g.writeNumberField("offset", a.pointer().offset());
            g.writeStringField("attribute", a.pointer().describe());
        }
        if (a.missing() != null) {
            g.writeStringField("missing", a.missing().describe());
        }
        g.writeEndObject();
    }

    private void exchangeText(NamespacedSend.Outcome o, Request sent, List<DecodedMessage> shown,
                              List<ExtAckExplanation> acks) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, false, StandardCharsets.UTF_8);
        ps.println("== nlwb send " + sent.family() + " " + (sent.dump() ? "dump " : "do ") + sent.op() + ": "
                + o.reply().request().length
                + " bytes in the " + o.where() + ": " + (shown.size() - 1) + " replies");
        TextTree text = new TextTree(ps, all);
        for (int i = 0; i < shown.size(); i++) {
            text.message(shown.get(i));
            if (acks.get(i) != null) {
                ps.println(extAckLine(acks.get(i)));
            }
        }
        ps.flush();
        out.print(buf.toString(StandardCharsets.UTF_8));
    }

    /** {@code   ext-ACK: "Unknown device type"; offset 40 is IFLA_MTU of the request}. */
    static String extAckLine(ExtAckExplanation a) {
        return "  ext-ACK: " + (a.message() != null ? "\"" + a.message() + "\"" : "(no message)")
                + (a.pointer() != null ? "; offset " + a.pointer().offset() + " is " + a.pointer().describe()
                + " of the request" : "")
                + (a.missing() != null ? "; missing attribute " + a.missing().describe() : "");
    }

    /**
     * A request built and not sent, decoded; a generic netlink family other than nlctrl has
     * {@code placeholder} for the id the kernel would give it.
     */
    void dryRun(DecodedMessage m, byte[] bytes, Request request, Family fam, int placeholder) throws IOException {
        if (json) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try (JsonGenerator g = new JsonFactory().createGenerator(buf, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("hex", HexFormat.of().formatHex(bytes));
                g.writeFieldName("message");
                TreeJson.writeMessage(g, m);
                g.writeEndObject();
            }
            out.println(buf.toString(StandardCharsets.UTF_8));
        } else {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, false, StandardCharsets.UTF_8);
            boolean placeheld = fam.schema().isGeneric() && !fam.name().equals("nlctrl");
            ps.println("== nlwb send --dry-run " + fam.name() + " " + (request.dump() ? "dump " : "do ") + request.op()
                    + ": " + bytes.length + " bytes, not sent" + (placeheld ? " (nlmsg_type 0x"
                    + Integer.toHexString(placeholder) + " stands for the id the kernel gives " + fam.name() + ")" : ""));
            ps.println("   " + HexFormat.of().formatHex(bytes));
            new TextTree(ps, all).message(m);
            ps.flush();
            out.print(buf.toString(StandardCharsets.UTF_8));
        }
        out.flush();
    }
}
