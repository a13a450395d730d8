package org.nlwb.decoder.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.JsonTrees;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.encode.RequestDescriber;
import org.nlwb.decoder.json.FullForm;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.spec.SpecCatalog;

/**
 * A captured request described again by name ({@link RequestDescriber}), ready to be encoded and
 * sent: from any file a reader reads (decoded here), or from {@code nlwb decode --json} output
 * (its trees). The request's nlmsg_seq and nlmsg_pid are zeroed — a sender stamps its own seq and
 * the kernel fills the pid.
 *
 * <p>Errors name the option they concern ({@code --index}) so the CLI can print them as given.
 */
public final class RequestReplay {
    private final Registry registry;
    private final SpecCatalog catalog;

    /**
     * @param registry decodes a capture's messages (it should hold {@code catalog}'s families)
     * @param catalog  the spec families a request must belong to
     */
    public RequestReplay(Registry registry, SpecCatalog catalog) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Message {@code index} of {@code file} (as {@code nlwb decode} numbers them), or when
     * {@code index} is null the file's first request that a spec family decodes.
     *
     * @throws IOException     the file cannot be read, or no reader reads it
     * @throws EncodeException there is no such message, it is no request of a spec family, or it
     *                         cannot be described
     */
    public Request from(Path file, Integer index) throws IOException, EncodeException {
        byte[] content = Files.readAllBytes(file);
        String start = new String(content, 0, Math.min(content.length, 64), StandardCharsets.UTF_8).strip();
        if (start.startsWith("{") || start.startsWith("[")) {
            return fromJson(file, new ObjectMapper().readTree(content), index);
        }
        Capture c;
        try {
            c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        } catch (UnreadableInputException e) {
            throw new IOException(e.getMessage());
        }
        return fromCapture(DecodedCapture.of(c, registry), index);
    }

    /** As {@link #from}, from a capture already decoded. */
    public Request fromCapture(DecodedCapture capture, Integer index) throws EncodeException {
        for (int i = index != null ? index : 0; i < capture.messageCount(); i++) {
            MessageRef ref = capture.message(i);
            DecodedMessage m = capture.decodeUncached(i);
            Family f = m.className() == null ? null : catalog.family(m.className()).orElse(null);
            boolean request = ref.record().direction() == Direction.TO_KERNEL
                    || ref.record().direction() == Direction.UNKNOWN && (ref.flags() & NlFlags.REQUEST) != 0;
            if (index != null && (f == null || !request)) {
                throw new EncodeException("--index", "message #" + index + " (" + m.summary()
                        + ") is not a request of a spec family");
            }
            if (f != null && request) {
                return unstamped(RequestDescriber.describe(f, m));
            }
        }
        throw new EncodeException("--index", index != null
                ? "there is no message #" + index + " (" + capture.messageCount() + " messages)"
                : "no request of a spec family in the file");
    }

    /**
     * A request from {@code nlwb decode --json} output: a capture document (or an array of them)
     * or one message object; message {@code index} by its {@code index}, else the first request
     * whose {@code class} is a spec family.
     */
    public Request fromJson(Path file, JsonNode doc, Integer index) throws EncodeException {
        List<JsonNode> messages = messages(doc);
        if (messages.isEmpty()) {
            throw new EncodeException("", "no decoded messages in this JSON (expects the output of nlwb decode --json)");
        }
        for (JsonNode m : messages) {
            if (index != null && m.path("index").asInt(-1) != index) {
                continue;
            }
            String cls = m.path("class").asText(null);
            Family f = cls == null ? null : catalog.family(cls).orElse(null);
            boolean request = Direction.TO_KERNEL.json().equals(m.path("direction").asText());
            if (f != null && request) {
                return unstamped(RequestDescriber.describe(f, JsonTrees.node(FullForm.restoreTree(m.get("tree")),
                        "messages[" + m.path("index").asInt() + "].tree")));
            }
            if (index != null) {
                throw new EncodeException("--index", "message #" + index + " (class " + cls + ", direction "
                        + m.path("direction").asText() + ") is not a request of a spec family");
            }
        }
        throw new EncodeException("--index", index != null ? "there is no message #" + index + " in " + file
                : "no request of a spec family in " + file);
    }

    /** The message objects of a capture document, an array of them, or one message object. */
    private static List<JsonNode> messages(JsonNode doc) {
        List<JsonNode> docs = new ArrayList<>();
        if (doc.isArray()) {
            doc.forEach(docs::add);
        } else {
            docs.add(doc);
        }
        List<JsonNode> messages = new ArrayList<>();
        for (JsonNode d : docs) {
            if (d.has("messages")) {
                d.get("messages").forEach(messages::add);
            } else if (d.has("tree")) {
                messages.add(d);
            }
        }
        return messages;
    }

    private static Request unstamped(Request r) {
        return r.withHeader(0, 0, r.genlVersion());
    }
}
