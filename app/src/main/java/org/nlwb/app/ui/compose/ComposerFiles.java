package org.nlwb.app.ui.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.write.AtomicFile;

/**
 * Composed messages on disk: the JSON description ({@code {"messages": [{"family", "op", "dump",
 * "ack", "flags", "values"}]}}, what {@code nlwb send --json} takes per message, and where a
 * replayed request differs from YNL's defaults {@code "nested-flag": false} (iproute2 sets no
 * NLA_F_NESTED on nests) and {@code "genl-version"}, so it loads back as the same bytes), the datagram's
 * bytes ({@code .data}) or its hex text ({@code .hex}). Saving writes a temporary file beside the
 * target and renames it over, so a crash never leaves half a file.
 */
public final class ComposerFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NESTED_FLAG = "nested-flag";
    private static final String GENL_VERSION = "genl-version";
    /** What a description without those keys means: YNL's defaults. */
    private static final Request DEFAULT = Request.of("-", "-", false, null);

    private ComposerFiles() {
    }

    public static String describe(List<Request> requests) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode ms = doc.putArray("messages");
        for (Request r : requests) {
            ObjectNode m = ms.addObject();
            m.put("family", r.family()).put("op", r.op()).put("dump", r.dump()).put("ack", r.ack());
            ArrayNode f = m.putArray("flags");
            r.flags().forEach(f::add);
            if (!r.nestedFlag()) {
                m.put(NESTED_FLAG, false);
            }
            if (r.genlVersion() != DEFAULT.genlVersion()) {
                m.put(GENL_VERSION, r.genlVersion());
            }
            m.set("values", r.values());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The messages a JSON description holds (also a single message object). */
    public static List<Request> parse(String json) throws IOException {
        JsonNode doc = JSON.readTree(json);
        JsonNode ms = doc.has("messages") ? doc.get("messages") : JSON.createArrayNode().add(doc);
        List<Request> out = new ArrayList<>();
        for (JsonNode m : ms) {
            if (!m.hasNonNull("family") || !m.hasNonNull("op")) {
                throw new IOException("a message needs \"family\" and \"op\": " + m);
            }
            List<String> flags = new ArrayList<>();
            m.path("flags").forEach(f -> flags.add(f.asText()));
            out.add(Request.of(m.get("family").asText(), m.get("op").asText(), m.path("dump").asBoolean(false),
                    m.path("values")).withAck(m.path("ack").asBoolean(true)).withFlags(flags)
                    .withNestedFlag(m.path(NESTED_FLAG).asBoolean(true))
                    .withHeader(0, 0, m.path(GENL_VERSION).asInt(DEFAULT.genlVersion())));
        }
        if (out.isEmpty()) {
            throw new IOException("no messages in the description");
        }
        return out;
    }

    /** Writes {@code content} to {@code file} atomically (temp file + rename). */
    public static void save(Path file, byte[] content) throws IOException {
        AtomicFile.write(file, out -> out.write(content));
    }

    public static void saveText(Path file, String text) throws IOException {
        save(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** What {@code file} holds, by its name: {@code .json} a description, {@code .hex} hex text, else bytes. */
    public sealed interface Loaded permits Described, Raw {
    }

    public record Described(List<Request> requests) implements Loaded {
    }

    public record Raw(byte[] bytes) implements Loaded {
    }

    public static Loaded load(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        byte[] content = Files.readAllBytes(file);
        if (name.endsWith(".json")) {
            return new Described(parse(new String(content, StandardCharsets.UTF_8)));
        }
        if (name.endsWith(".hex") || name.endsWith(".txt")) {
            try {
                return new Raw(HexText.parse(new String(content, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file.getFileName() + ": " + e.getMessage());
            }
        }
        return new Raw(content);
    }
}
