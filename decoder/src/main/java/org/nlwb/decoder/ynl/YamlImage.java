package org.nlwb.decoder.ynl;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A {@link YamlNode} tree as bytes, written at build time for each built-in spec and read instead
 * of its YAML: reading the 65 KiB rt-link spec with SnakeYAML took 0.3-0.65 s of a cold start (its
 * classes loaded, the scanner interpreted), the first message of every capture of links waiting
 * for it. The image holds what {@link YamlReader} makes, lines and columns included, so
 * {@link YnlParser} and every message about the spec see the same tree; a node shared through an
 * alias is written once and shared again.
 *
 * <p>An image names the YAML it was made from (its length and CRC-32): {@link #read} returns null
 * for an image of other text, or one that is damaged, and the caller reads the YAML. Format
 * (big-endian, {@link DataOutputStream}): magic {@code "NLYI"}, version, source length, CRC-32, then
 * the root node; a node is a tag byte (0 reference to the N-th node written before, as an int; 1
 * map, 2 list, 3 scalar, 4 null) then line and column as ints, a scalar's text as modified UTF-8
 * (in chunks: a spec's text may exceed 64 KiB), a map's entries (count, then key, key line, value)
 * and duplicate keys (count, then key, line), a list's items (count, then nodes).
 */
public final class YamlImage {
    private static final int MAGIC = 0x4e4c5949; // "NLYI"
    private static final int VERSION = 1;
    private static final byte REF = 0;
    private static final byte MAP = 1;
    private static final byte LIST = 2;
    private static final byte SCALAR = 3;
    private static final byte NULL = 4;
    /** Characters of a string per writeUTF (which takes at most 65,535 bytes: three per char at worst). */
    private static final int CHUNK = 16_000;

    private YamlImage() {
    }

    /** The image of {@code doc}, read from {@code source}. */
    public static byte[] write(YamlNode doc, byte[] source) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(source.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(source.length);
            out.writeInt(crc(source));
            new Writer(out).node(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * The tree {@code image} holds, its nodes naming {@code file}, or null when the image is not of
     * {@code source} (another spec, an older build) or cannot be read.
     */
    public static YamlNode read(byte[] image, byte[] source, String file) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(image))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != source.length
                    || in.readInt() != crc(source)) {
                return null;
            }
            YamlNode doc = new Reader(in, file, image.length).node(0);
            return in.read() == -1 ? doc : null;
        } catch (IOException | RuntimeException e) {
            return null; // damaged: the YAML is read instead
        }
    }

    private static int crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return (int) c.getValue();
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<YamlNode, Integer> written = new IdentityHashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void node(YamlNode n) throws IOException {
            Integer seen = written.get(n);
            if (seen != null) {
                out.writeByte(REF);
                out.writeInt(seen);
                return;
            }
            written.put(n, written.size());
            out.writeByte(switch (n.kind()) {
                case MAP -> MAP;
                case LIST -> LIST;
                case SCALAR -> SCALAR;
                case NULL -> NULL;
            });
            out.writeInt(n.line());
            out.writeInt(n.column());
            switch (n.kind()) {
                case SCALAR -> text(n.text());
                case MAP -> {
                    out.writeInt(n.map().size());
                    for (Map.Entry<String, YamlNode> e : n.map().entrySet()) {
                        text(e.getKey());
                        out.writeInt(n.keyLines().getOrDefault(e.getKey(), -1));
                        node(e.getValue());
                    }
                    out.writeInt(n.duplicateKeys().size());
                    for (Map.Entry<String, Integer> e : n.duplicateKeys().entrySet()) {
                        text(e.getKey());
                        out.writeInt(e.getValue());
                    }
                }
                case LIST -> {
                    out.writeInt(n.list().size());
                    for (YamlNode item : n.list()) {
                        node(item);
                    }
                }
                case NULL -> { }
            }
        }

        private void text(String s) throws IOException {
            int chunks = (s.length() + CHUNK - 1) / CHUNK;
            out.writeInt(chunks);
            for (int i = 0; i < chunks; i++) {
                out.writeUTF(s.substring(i * CHUNK, Math.min(s.length(), (i + 1) * CHUNK)));
            }
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final String file;
        /** No count in a sound image exceeds its own length: a larger one is damage, not a reason to allocate. */
        private final int bound;
        private final List<YamlNode> read = new ArrayList<>();

        Reader(DataInputStream in, String file, int bound) {
            this.in = in;
            this.file = file;
            this.bound = bound;
        }

        YamlNode node(int depth) throws IOException {
            if (depth > YamlReader.MAX_DEPTH) {
                throw new IOException("nested too deep");
            }
            byte tag = in.readByte();
            if (tag == REF) {
                return read.get(in.readInt());
            }
            int slot = read.size();
            read.add(null); // numbered in the order written, before the children, as the writer numbers them
            int line = in.readInt();
            int column = in.readInt();
            YamlNode n = switch (tag) {
                case SCALAR -> new YamlNode(YamlNode.Kind.SCALAR, text(), null, null, null, null, file, line, column);
                case NULL -> new YamlNode(YamlNode.Kind.NULL, null, null, null, null, null, file, line, column);
                case LIST -> {
                    int count = count();
                    List<YamlNode> items = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        items.add(node(depth + 1));
                    }
                    yield new YamlNode(YamlNode.Kind.LIST, null, null, items, null, null, file, line, column);
                }
                case MAP -> {
                    int count = count();
                    Map<String, YamlNode> map = new LinkedHashMap<>();
                    Map<String, Integer> keyLines = new LinkedHashMap<>();
                    for (int i = 0; i < count; i++) {
                        String key = text();
                        int keyLine = in.readInt();
                        if (keyLine >= 0) {
                            keyLines.put(key, keyLine);
                        }
                        map.put(key, node(depth + 1));
                    }
                    int dups = count();
                    Map<String, Integer> duplicates = new LinkedHashMap<>();
                    for (int i = 0; i < dups; i++) {
                        duplicates.put(text(), in.readInt());
                    }
                    yield new YamlNode(YamlNode.Kind.MAP, null, map, null, keyLines, duplicates, file, line, column);
                }
                default -> throw new IOException("no node tag " + tag);
            };
            read.set(slot, n);
            return n;
        }

        private int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > bound) {
                throw new IOException("count " + n);
            }
            return n;
        }

        private String text() throws IOException {
            int chunks = count();
            if (chunks == 1) {
                return in.readUTF();
            }
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < chunks; i++) {
                b.append(in.readUTF());
            }
            return b.toString();
        }
    }
}
