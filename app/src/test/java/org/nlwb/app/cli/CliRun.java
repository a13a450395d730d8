package org.nlwb.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** {@code nlwb ...} run in this JVM, its exit code and both outputs kept; JSON helpers for its trees. */
record CliRun(int exit, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun nlwb(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = NlwbCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    JsonNode json() throws Exception {
        return JSON.readTree(out);
    }

    /** The trees of a JSON array field of the output ({@code messages}, {@code notifications}). */
    List<JsonNode> trees(String field) throws Exception {
        List<JsonNode> trees = new ArrayList<>();
        json().get(field).forEach(m -> trees.add(m.get("tree")));
        return trees;
    }

    /** Both outputs, for assertion messages. */
    String all() {
        return out + err;
    }

    /** The child of {@code node} named {@code name}, or null. */
    static JsonNode child(JsonNode node, String name) {
        for (JsonNode c : node.path("children")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The first node named {@code name} anywhere under {@code node}, or null. */
    static JsonNode find(JsonNode node, String name) {
        if (node.path("name").asText().equals(name)) {
            return node;
        }
        for (JsonNode c : node.path("children")) {
            JsonNode f = find(c, name);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** The hex of the datagram {@code nlwb send --dry-run ARGS --json-out} would send. */
    static String dryRunHex(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("send", "--dry-run", "--json-out"));
        all.addAll(List.of(args));
        CliRun r = nlwb(all.toArray(String[]::new));
        if (r.exit() != 0) {
            throw new AssertionError("dry run failed: " + r.all());
        }
        return r.json().get("hex").asText();
    }
}
