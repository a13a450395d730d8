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
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final Map<String, YamlNode> anchors = new HashMap<>();

    private YamlReader(String file) {
        this.file = file;
    }

    /**
     * Parses {@code content}.
     *
     * @throws SpecException naming file, line and column when the text is not YAML
     */
    public static YamlNode read(String file, byte[] content) throws SpecException {
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

    private YamlNode value(JsonParser p, JsonToken t) throws IOException {
        JsonLocation loc = p.currentTokenLocation();
        int line = loc.getLineNr();
        int col = loc.getColumnNr();
        String anchor = p instanceof YAMLParser y ? y.getCurrentAnchor() : null;
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            YamlNode target = anchors.get(p.getText());
            if (target != null) {
                return target;
            }
            throw new com.fasterxml.jackson.core.JsonParseException(p, "alias *" + p.getText() + " names no anchor",
                    p.currentTokenLocation());
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
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }
}
