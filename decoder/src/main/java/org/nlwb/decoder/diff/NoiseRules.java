package org.nlwb.decoder.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of {@link NoiseRule}s, read from the rules format (one {@code PATTERN [why]} a line,
 * {@code #} comments, whole lines or after a rule; the default file {@code noise-rules.txt} beside this class documents it).
 * Immutable. {@link #format()} writes the same format back, so {@code nlwb diff --show-rules >
 * my.rules} is a file to edit and pass to {@code --rules}.
 */
public record NoiseRules(List<NoiseRule> rules) {
    /** The resource holding the default rules. */
    public static final String DEFAULT_RESOURCE = "noise-rules.txt";

    public NoiseRules {
        rules = List.copyOf(rules);
    }

    /** No rule: every difference counts. */
    public static NoiseRules none() {
        return new NoiseRules(List.of());
    }

    /** The rules in {@code noise-rules.txt}, shipped with the decoder. */
    public static NoiseRules defaults() {
        try (InputStream in = NoiseRules.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default noise rules " + DEFAULT_RESOURCE + " are missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the rules format.
     *
     * @param source names the text in each rule's {@code line} and in errors ({@code my.rules})
     * @throws IllegalArgumentException with {@code source:line: problem} for a bad pattern
     */
    public static NoiseRules parse(String text, String source) {
        List<NoiseRule> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int comment = line.indexOf(" #");
            if (comment >= 0) {
                line = line.substring(0, comment).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String where = source + ":" + (i + 1);
            try {
                out.add(new NoiseRule(parts[0], parts.length > 1 ? parts[1] : "", where));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return new NoiseRules(out);
    }

    /** The first rule that covers {@code path} or a node above it, or null. */
    public NoiseRule covering(String path) {
        List<String> segments = Arrays.asList(path.split("/"));
        for (int end = segments.size(); end > 0; end--) {
            List<String> prefix = segments.subList(0, end);
            for (NoiseRule r : rules) {
                if (r.matches(prefix)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The rules in the rules format, one a line, each with its origin as a comment above. */
    public String format() {
        StringBuilder sb = new StringBuilder("# nlwb diff noise rules (" + rules.size() + "): PATTERN [why]\n");
        int width = rules.stream().mapToInt(r -> r.pattern().length()).max().orElse(0) + 2;
        for (NoiseRule r : rules) {
            sb.append(String.format("%-" + width + "s%s", r.pattern(), r.reason()).strip())
                    .append("    # ").append(r.line()).append('\n');
        }
        return sb.toString();
    }
}
