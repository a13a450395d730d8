package org.nlwb.decoder.ynl;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into {@link YamlNode}s with Jackson's streaming YAML parser, keeping each
 * node's line and column (Jackson's {@link JsonLocation}) and expanding aliases to their anchored
 * node (the kernel specs share attribute lists with {@code &all-attrs} / {@code *all-attrs}).
 *
 * <p>Limits. Every file on the spec search path is read by every command, {@code
 * ~/.config/nlwb/specs} included, so a stray or hostile file there must not slow or stop them all.
 * Each limit is far above what a real spec needs and is refused with {@code file:line:column}:
 * <ul>
 *   <li>{@value #MAX_FILE_BYTES} bytes (3 MiB) per file; the largest kernel spec is about 80 KiB;</li>
 *   <li>{@value #MAX_LINE_CHARS} characters (16 KiB) per line, checked before parsing: SnakeYAML
 *       copies the text of a token read so far for every KiB it reads, so one long line (a long
 *       unbroken word or string) costs time quadratic in its length (a 2 MiB line took 2.6 s,
 *       50 MiB ten minutes); the kernel's longest line is 112 characters;</li>
 *   <li>{@value #MAX_DEPTH} levels of nesting (the kernel's specs go 7 deep), so that neither this
 *       reader nor the parser after it recurses without bound;</li>
 *   <li>{@value #MAX_NODES} nodes with every alias counted as the nodes it stands for, so that an
 *       alias bomb (anchors each aliasing the one before ten times) is refused instead of being
 *       walked; aliases share their node, so a spec that reuses lists costs nothing extra.</li>
 * </ul>
 * An alias can name only an anchor whose node is complete, so an anchor that contains its own alias
 * (a cycle) is refused as naming no anchor.
 */
public final class YamlReader {
    /** Spec files are limited to 3 MiB so that a stray file on the search path cannot slow every command. */
    public static final int MAX_FILE_BYTES = 3 << 20;
    /** Lines are limited to 16 KiB because SnakeYAML takes time quadratic in the length of one token. */
    public static final int MAX_LINE_CHARS = 16 << 10;
    /** Mappings and lists may nest this deep. */
    public static final int MAX_DEPTH = 100;
    /** The document may stand for this many nodes, aliases expanded. */
    public static final long MAX_NODES = 1_000_000;
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    /** The nodes each anchor's value stands for, counted as {@link #nodes} counts. */
    private final Map<String, Long> anchorNodes = new HashMap<>();
    /** Nodes so far, each alias counted as the nodes of its anchor. */
    private long nodes;
    private int depth;

    private YamlReader(String file) {
        this.file = file;
    }

    /**
     * Parses {@code content}.
     *
     * @throws SpecException naming file, line and column when the text is not YAML
     */
    public static YamlNode read(String file, byte[] content) throws SpecException {
        SpecProblem tooLarge = SpecFileLimits.check(file, content);
        if (tooLarge != null) {
            throw new SpecException(List.of(tooLarge));
        }
        try (JsonParser p = FACTORY.createParser(content)) {
            YamlReader r = new YamlReader(file);
            JsonToken t = p.nextToken();
            if (t == null) {
                return new YamlNode(YamlNode.Kind.NULL, null, null, null, null, null, file, 1, 1);
            }
            return r.value(p, t);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String msg = oneLine(e.getOriginalMessage());
            String charset = "java.io.CharConversionException: ";
            msg = msg.startsWith(charset) ? "not UTF-8 text: " + msg.substring(charset.length()) : "not valid YAML: " + msg;
            int line = at == null ? 0 : at.getLineNr();
            int col = at == null ? 0 : at.getColumnNr();
            // SnakeYAML knows where the problem is, Jackson only where its current token began
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
                    line = m.getProblemMark().getLine() + 1;
                    col = m.getProblemMark().getColumn() + 1;
                    break;
                }
            }
            throw new SpecException(List.of(new SpecProblem(file, line, col, "", msg)));
        } catch (java.io.CharConversionException e) {
            throw new SpecException(List.of(new SpecProblem(file, 0, 0, "", "not UTF-8 text: " + oneLine(e.getMessage()))));
        } catch (IOException e) {
            throw new SpecException(List.of(new SpecProblem(file, 0, 0, "", "cannot read: " + oneLine(e.getMessage()))));
        }
    }

    /** Counts {@code n} more nodes, refusing the document once it stands for more than {@link #MAX_NODES}. */
    private void count(long n, int line, int col, String what) throws SpecException {
        nodes += n;
        if (nodes > MAX_NODES) {
            throw limit(line, col, what + " brings the document to more than " + MAX_NODES + " nodes with aliases "
                    + "expanded (an alias bomb?); specs are limited to that many so that no command hangs walking one");
        }
    }

    private SpecException limit(int line, int col, String message) {
        return new SpecException(List.of(new SpecProblem(file, line, col, "", message)));
    }

    /**
     * SnakeYAML's messages span lines and quote the source with a caret under the column
     * ("while scanning ... / found character ... / in 'reader', line 2, column 1: / source / ^");
     * the problem already carries line and column, so one line of the words reads better.
     */
    private static String oneLine(String message) {
        if (message == null) {
            return "(no detail)";
        }
        List<String> kept = new java.util.ArrayList<>();
        String[] lines = message.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith("in 'reader'")) {
                i += 2; // the quoted source line and the caret under it
            } else if (!t.isEmpty()) {
                kept.add(t);
            }
        }
        String m = String.join("; ", kept);
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private YamlNode value(JsonParser p, JsonToken t) throws IOException, SpecException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        String anchor = p instanceof YAMLParser y ? y.getCurrentAnchor() : null;
        long before = nodes;
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            YamlNode target = anchors.get(p.getText());
            if (target != null) {
                count(anchorNodes.get(p.getText()), line, col, "alias *" + p.getText());
                return target;
            }
            throw new com.fasterxml.jackson.core.JsonParseException(p, "alias *" + p.getText() + " names no anchor",
                    p.currentTokenLocation());
        }
        count(1, line, col, "this node");
        boolean container = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
        if (container && ++depth > MAX_DEPTH) {
            throw limit(line, col, "mappings and lists nest more than " + MAX_DEPTH + " levels deep here; a spec "
                    + "needs fewer than ten, and the limit keeps a hostile file from exhausting the stack");
        }
        YamlNode node;
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                Map<String, Integer> duplicates = new LinkedHashMap<>();
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    if (map.containsKey(key)) {
                        duplicates.put(key, p.currentTokenLocation().getLineNr());
                    } else {
                        keyLines.put(key, p.currentTokenLocation().getLineNr());
                    }
                    YamlNode v = value(p, p.nextToken());
                    map.put(key, v);
                }
                node = new YamlNode(YamlNode.Kind.MAP, null, map, null, keyLines, duplicates, file, line, col);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(value(p, t));
                }
                node = new YamlNode(YamlNode.Kind.LIST, null, null, items, null, null, file, line, col);
            }
            case VALUE_NULL -> node = new YamlNode(YamlNode.Kind.NULL, null, null, null, null, null, file, line, col);
            default -> node = new YamlNode(YamlNode.Kind.SCALAR, p.getText(), null, null, null, null, file, line, col);
        }
        if (container) {
            depth--;
        }
        if (anchor != null) {
            anchors.put(anchor, node);
            anchorNodes.put(anchor, nodes - before);
        }
        return node;
    }
}
