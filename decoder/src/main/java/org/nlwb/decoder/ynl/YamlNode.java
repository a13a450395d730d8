package org.nlwb.decoder.ynl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a parsed YAML document with the place it came from, so that every complaint about a
 * spec can name file, line and column. Mappings keep their key order; aliases ({@code *name}) are
 * already replaced by the node their anchor named.
 *
 * @param text    the scalar's text (null for mappings, sequences and YAML null)
 * @param map     the mapping's entries (empty unless {@link Kind#MAP})
 * @param list    the sequence's items (empty unless {@link Kind#LIST})
 * @param keyLines the line of each mapping key (for "unknown key" messages)
 * @param duplicateKeys keys given twice in this mapping → line of the repeat (the later value is kept;
 *                 specs treat this as an error, the kernel's own schema files contain some)
 */
public record YamlNode(Kind kind, String text, Map<String, YamlNode> map, List<YamlNode> list,
                       Map<String, Integer> keyLines, Map<String, Integer> duplicateKeys, String file, int line, int column) {

    public enum Kind { MAP, LIST, SCALAR, NULL }

    public YamlNode {
        map = map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
        list = list == null ? List.of() : List.copyOf(list);
        keyLines = keyLines == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        duplicateKeys = duplicateKeys == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(duplicateKeys));
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** The entry {@code key} of a mapping, or null. */
    public YamlNode get(String key) {
        return map.get(key);
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    /** The line of mapping key {@code key}, or this node's line. */
    public int lineOf(String key) {
        return keyLines.getOrDefault(key, line);
    }

    /** {@code file:line:column}. */
    public String where() {
        return file + ":" + line + ":" + column;
    }

    /** For messages: the kind, or a scalar's text in quotes (cut at 60 characters, control characters escaped). */
    public String describeKind() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case SCALAR -> "\"" + org.nlwb.decoder.bytes.Printable.escape(text.length() <= 60 ? text : text.substring(0, 57) + "...") + "\"";
            case NULL -> "null";
        };
    }
}
