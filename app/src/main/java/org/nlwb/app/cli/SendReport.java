package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.nlwb.capture.groups.MulticastGroup;
import org.nlwb.capture.send.SendResult;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.extack.ExtAckExplanation;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.message.Errno;
import org.nlwb.decoder.text.TextTree;

/**
 * How {@code nlwb send} prints a {@link SendView}: text trees of the request and every reply,
 * an {@code ext-ACK:} line under each reply that has one, then the notifications one line each
 * as {@code nlwb monitor} prints them; or with {@code --json-out} one JSON object
 * ({@code namespace, error, errno, complete, ending, note, messages, ext_ack, groups,
 * notifications}). And a dry run's request.
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

    void exchange(SendView v) throws IOException {
        out.print(json ? exchangeJson(v) : exchangeText(v));
        out.flush();
    }

    private static String exchangeJson(SendView v) throws IOException {
        SendResult r = v.result();
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("namespace", v.where());
            g.writeNumberField("error", r.error());
            g.writeStringField("errno", r.error() == 0 ? null : Errno.signedName(r.error()));
            g.writeBooleanField("complete", r.ending() == SendResult.Ending.COMPLETE);
            g.writeStringField("ending", r.ending().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("note", r.note());
            g.writeArrayFieldStart("messages");
            for (DecodedMessage m : v.requests()) {
                TreeJson.writeMessage(g, m);
            }
            for (DecodedMessage m : v.replies()) {
                TreeJson.writeMessage(g, m);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("ext_ack");
            for (int i = 0; i < v.replies().size(); i++) {
                if (v.acks().get(i) != null) {
                    extAckJson(g, v.replies().get(i).ref().index(), v.acks().get(i));
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("groups");
            for (MulticastGroup group : v.groups()) {
                g.writeString(group.name());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notifications");
            for (DecodedMessage m : v.notifications()) {
                TreeJson.writeMessage(g, m);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void extAckJson(JsonGenerator g, int index, ExtAckExplanation a) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", index);
        g.writeStringField("message", a.message());
        if (a.pointer() != null) {
            g.writeNumberField("offset", a.pointer().offset());
            g.writeStringField("attribute", a.pointer().describe());
            g.writeStringField("path", a.pointer().dottedPath());
        }
        if (a.missing() != null) {
            g.writeStringField("missing", a.missing().describe());
        }
        if (a.policy() != null) {
            g.writeStringField("policy", policy(a.policy()));
        }
        g.writeEndObject();
    }

    private String exchangeText(SendView v) {
        return text(ps -> {
            ps.println("== nlwb send " + v.title() + ": " + v.bytes() + " bytes"
                    + (v.requests().size() != 1 ? " (" + SendView.count(v.requests().size(), "message", "messages") + ")" : "")
                    + " in the " + v.where() + ": " + SendView.count(v.replies().size(), "reply", "replies"));
            TextTree text = new TextTree(ps, all);
            v.requests().forEach(text::message);
            for (int i = 0; i < v.replies().size(); i++) {
                text.message(v.replies().get(i));
                if (v.acks().get(i) != null) {
                    ps.println(extAckLine(v.acks().get(i)));
                }
            }
            if (!v.groups().isEmpty()) {
                ps.println("-- " + SendView.count(v.notifications().size(), "notification", "notifications") + " to "
                        + String.join(", ", v.groups().stream().map(MulticastGroup::name).toList()) + ":");
                v.notifications().forEach(m -> ps.println(LivePrinter.line(m)));
            }
        });
    }

    /** {@code   ext-ACK: "Unknown device type"; offset 40 is IFLA_MTU of the request; policy: NL_ATTR_TYPE_U32}. */
    static String extAckLine(ExtAckExplanation a) {
        return "  ext-ACK: " + (a.message() != null ? "\"" + Plain.escaped(a.message()) + "\"" : "(no message)")
                + (a.pointer() != null ? "; offset " + a.pointer().offset() + " is " + a.pointer().describe()
                + " of the request" : "")
                + (a.missing() != null ? "; missing attribute " + a.missing().describe() : "")
                + (a.policy() != null ? "; policy: " + policy(a.policy()) : "");
    }

    /** {@code NL_ATTR_TYPE_U32, value 0..255, length 4..4, mask 0x3}: the bounds the kernel sent. */
    static String policy(ExtAckExplanation.PolicyBounds p) {
        StringBuilder sb = new StringBuilder(p.type() != null ? p.type() : "type not given");
        if (p.minValue() != null || p.maxValue() != null) {
            sb.append(", value ").append(bound(p.minValue())).append("..").append(bound(p.maxValue()));
        }
        if (p.minLength() != null || p.maxLength() != null) {
            sb.append(", length ").append(bound(p.minLength())).append("..").append(bound(p.maxLength()));
        }
        if (p.mask() != null) {
            sb.append(", mask 0x").append(new java.math.BigInteger(p.mask().toString()).toString(16));
        }
        return sb.toString();
    }

    private static String bound(Number n) {
        return n == null ? "" : n.toString();
    }

    /**
     * A datagram built and not sent, decoded message by message.
     *
     * @param placeheld the generic netlink family whose id {@link SendPlan#PLACEHOLDER_ID} stands for, or null
     */
    void dryRun(String title, List<DecodedMessage> messages, byte[] bytes, String placeheld) throws IOException {
        if (json) {
            out.print(json(g -> {
                g.writeStartObject();
                g.writeStringField("hex", HexFormat.of().formatHex(bytes));
                g.writeFieldName("message");
                TreeJson.writeMessage(g, messages.get(0));
                g.writeArrayFieldStart("messages");
                for (DecodedMessage m : messages) {
                    TreeJson.writeMessage(g, m);
                }
                g.writeEndArray();
                g.writeEndObject();
            }));
        } else {
            out.print(text(ps -> {
                ps.println("== nlwb send --dry-run " + title + ": " + bytes.length + " bytes"
                        + (messages.size() != 1 ? " (" + SendView.count(messages.size(), "message", "messages") + ")" : "")
                        + ", not sent" + (placeheld != null ? " (nlmsg_type 0x" + Integer.toHexString(SendPlan.PLACEHOLDER_ID)
                        + " stands for the id the kernel gives " + placeheld + ")" : ""));
                ps.println("   " + HexFormat.of().formatHex(bytes));
                TextTree text = new TextTree(ps, all);
                messages.forEach(text::message);
            }));
        }
        out.flush();
    }

    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private interface TextBody {
        void write(PrintStream ps);
    }

    private static String json(JsonBody body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(buf, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        }
        return buf.toString(StandardCharsets.UTF_8) + System.lineSeparator();
    }

    private static String text(TextBody body) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buf, false, StandardCharsets.UTF_8);
        body.write(ps);
        ps.flush();
        return buf.toString(StandardCharsets.UTF_8);
    }
}
