package org.nlwb.decoder.ynl;

/**
 * Something wrong with a spec file, located to the line: {@code rt-link.yaml:120:9:
 * attribute-sets[linkinfo-attrs].attributes[data]: sub-message "x" is not defined}.
 *
 * @param file   the file (or class-path resource) name
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param path   where in the document: {@code attribute-sets[link-attrs].attributes[mtu].type}
 * @param message what is wrong
 */
public record SpecProblem(String file, int line, int column, String path, String message) {

    static SpecProblem at(YamlNode node, String path, String message) {
        return new SpecProblem(node.file(), node.line(), node.column(), path, message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        // the message and path quote the spec; a spec is a file from outside like any other
        return org.nlwb.decoder.bytes.Printable.escape(sb.append(message).toString());
    }
}
