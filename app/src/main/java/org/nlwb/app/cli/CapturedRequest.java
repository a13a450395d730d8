package org.nlwb.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.encode.RequestDescriber;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.replay.RequestReplay;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.spec.SpecCatalog;

/**
 * The request {@code --from FILE [--index N] [--protocol P]} names: described by spec names when
 * a spec family decodes it (encoded again on sending, as {@link RequestReplay} does), else its
 * captured bytes, sent as they are but for the seq/pid fix-up and, for generic netlink, the
 * family id looked up again by name. {@code --protocol} says the protocol of records whose file
 * does not (a hex dump, a {@code .data} file without a protocol line).
 *
 * <p>Without {@code --index}: the first request a spec describes, else the first request.
 */
final class CapturedRequest {
    private final Registry registry;
    private final SpecCatalog catalog;

    /**
     * What was picked.
     *
     * @param said how to tell the user ({@code replaying as nlwb send --family ...})
     */
    record Picked(SendPlan plan, String said) {
    }

    CapturedRequest(Registry registry, SpecCatalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    /** @param protocol {@code --protocol}, or {@link Protocol#UNKNOWN} */
    Picked pick(Path file, Integer index, int protocol) throws UsageError {
        String where = "--from " + file;
        try {
            if (looksLikeJson(file)) {
                Request r = new RequestReplay(registry, catalog).from(file, index);
                return described(r, catalog.family(r.family()).orElseThrow());
            }
            Capture c = Loader.standard().load(file, null, protocol);
            return pick(DecodedCapture.of(c, registry), index, file);
        } catch (EncodeException e) {
            throw new UsageError(where + ": " + e.getMessage());
        } catch (UnreadableInputException e) {
            throw new UsageError(where + ": " + Plain.escaped(e.getMessage()));
        } catch (IOException e) {
            throw new UsageError(where + ": " + Plain.reason(e));
        }
    }

    private Picked pick(DecodedCapture d, Integer index, Path file) throws UsageError {
        if (index != null) {
            if (index < 0 || index >= d.messageCount()) {
                throw new UsageError("--index: there is no message #" + index + " ("
                        + Plain.count(d.messageCount(), "message") + ")");
            }
            if (!isRequest(d.message(index))) {
                throw new UsageError("--index: message #" + index + " (" + d.decodeUncached(index).summary()
                        + ") is not a request");
            }
            return message(d, index, file);
        }
        Picked raw = null;
        for (int i = 0; i < d.messageCount(); i++) {
            if (isRequest(d.message(i))) {
                Picked p = message(d, i, file);
                if (p.plan().pieces().get(0) instanceof SendPlan.Described) {
                    return p;
                }
                raw = raw != null ? raw : p;
            }
        }
        if (raw == null) {
            throw new UsageError("--from " + file + ": no request in the file ("
                    + Plain.count(d.messageCount(), "message") + ")");
        }
        return raw;
    }

    /** Message {@code i} by spec names when its family's spec describes it, else its bytes. */
    private Picked message(DecodedCapture d, int i, Path file) throws UsageError {
        MessageRef ref = d.message(i);
        DecodedMessage m = d.decodeUncached(i);
        Family f = m.className() == null ? null : catalog.family(m.className()).orElse(null);
        String why = f == null ? "no spec family decodes it" : "it is malformed";
        if (f != null && ref.kind() == FrameKind.MESSAGE) {
            try {
                Request r = RequestDescriber.describe(f, m);
                return described(r.withHeader(0, 0, r.genlVersion()), f);
            } catch (EncodeException e) {
                why = f.name() + " cannot describe it: " + e.getMessage();
            }
        }
        int protocol = ref.record().protocol();
        if (protocol < 0) {
            throw new UsageError("--from " + file + ": the file does not say which netlink protocol message #" + i
                    + " is for; give it with --protocol P (route, generic, netfilter, ... or a number)");
        }
        byte[] bytes = ref.bytes().toArray();
        String genl = null;
        if (protocol == Protocol.GENERIC && ref.type() != 0x10 && ref.hasHeader()) {
            genl = d.conversation(i).genlFamily(ref.type()).orElse(null);
            if (genl == null) {
                why += "; its generic netlink family id 0x" + Integer.toHexString(ref.type())
                        + " is not named in the file, so it goes out as captured";
            }
        }
        String title = Protocol.shortName(protocol) + " message #" + i + " of " + file.getFileName();
        String said = "replaying the bytes of message #" + i + " (" + why + ") as nlwb send --protocol "
                + Protocol.shortName(protocol) + " --hex " + HexFormat.of().formatHex(bytes) + " --fix-up"
                + (genl != null ? " (with " + genl + "'s id on the target)" : "");
        return new Picked(new SendPlan(title, protocol, java.util.List.of(new SendPlan.Raw(bytes, genl)), true), said);
    }

    private static Picked described(Request r, Family f) {
        String title = r.family() + " " + (r.dump() ? "dump " : "do ") + r.op();
        return new Picked(new SendPlan(title, f.protocol(), java.util.List.of(new SendPlan.Described(r, f)), true),
                "replaying as " + commandLine(r));
    }

    /** To the kernel, or, where the file does not say, with NLM_F_REQUEST (the kernel never sets it). */
    private static boolean isRequest(MessageRef ref) {
        Direction d = ref.record().direction();
        return d == Direction.TO_KERNEL || d == Direction.UNKNOWN && ref.hasHeader() && (ref.flags() & NlFlags.REQUEST) != 0;
    }

    private static boolean looksLikeJson(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        String start = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return start.startsWith("{") || start.startsWith("[");
    }

    /** The command line that sends {@code r}: {@code nlwb send --family rt-link --do newlink --json '{...}'}. */
    static String commandLine(Request r) {
        StringBuilder sb = new StringBuilder("nlwb send --family ").append(r.family())
                .append(r.dump() ? " --dump " : " --do ").append(r.op());
        if (!r.flags().isEmpty()) {
            sb.append(" --flags ").append(String.join(",", r.flags()).toLowerCase(Locale.ROOT));
        }
        if (!r.ack()) {
            sb.append(" --no-ack");
        }
        if (!r.nestedFlag()) {
            sb.append(" --no-nested-flag");
        }
        if (!r.values().isEmpty()) {
            sb.append(" --json '").append(r.values().toString().replace("'", "'\\''")).append('\'');
        }
        return sb.toString();
    }
}
