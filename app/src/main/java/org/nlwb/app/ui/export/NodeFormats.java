package org.nlwb.app.ui.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.tree.Node;

/** The text forms "copy" puts on the clipboard for a node of a message. */
public final class NodeFormats {
    private NodeFormats() {
    }

    /** The display, else the raw value, else empty. */
    public static String value(Node n) {
        if (n.display() != null) {
            return n.display();
        }
        return n.value() == null ? "" : n.value().toString();
    }

    /** {@code 08 00 03 00 6c 6f 00 00}: the node's bytes in the message. */
    public static String hex(ByteView message, Node n) {
        StringBuilder sb = new StringBuilder();
        for (int i = n.offset(); i < Math.min(n.end(), message.length()); i++) {
            if (sb.length() > 0) {
                sb.append(i > n.offset() && (i - n.offset()) % 16 == 0 ? '\n' : ' ');
            }
            sb.append(String.format("%02x", message.u8(i)));
        }
        return sb.toString();
    }

    /** A C initializer of the node's bytes, named after the node. */
    public static String cArray(ByteView message, Node n) {
        String ident = n.name().replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
        if (ident.isEmpty() || Character.isDigit(ident.charAt(0))) {
            ident = "_" + ident;
        }
        StringBuilder sb = new StringBuilder("static const unsigned char ").append(ident).append("[")
                .append(n.length()).append("] = {");
        for (int i = n.offset(); i < Math.min(n.end(), message.length()); i++) {
            int k = i - n.offset();
            sb.append(k % 12 == 0 ? "\n    " : " ").append(String.format("0x%02x", message.u8(i)));
            if (i + 1 < n.end()) {
                sb.append(',');
            }
        }
        return sb.append("\n};\n").toString();
    }

    /** The node in the JSON contract's node form (pretty-printed). */
    public static String json(Node n) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            TreeJson.writeNode(g, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** {@code RTM_NEWLINK / IFLA_LINKINFO / IFLA_INFO_KIND}. */
    public static String path(Node root, Node n) {
        List<Node> p = root.pathTo(n);
        return p.stream().map(Node::name).collect(Collectors.joining(" / "));
    }
}
