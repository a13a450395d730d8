package org.nlwb.decoder.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.read.UnreadableInputException;
import org.nlwb.decoder.spec.SpecLibrary;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * What must hold for any input, however damaged, shared by the property tests and the fuzz
 * targets: loading and decoding throw nothing but the declared "not readable" exception, every
 * message tree tiles its bytes ({@link TreeChecks}), every malformed node says why, and every
 * message a reader or decoder prints is free of control characters. A broken rule is an
 * {@link AssertionError} naming the input's place and what broke.
 */
public final class Invariants {
    /** The built-in specs and plugins, loaded once (no machine directories: tests set nlwb.specs.system=false). */
    public static final MessageDecoder DECODER = new MessageDecoder(SpecLibrary.of(true, List.of()).reload());

    private Invariants() {
    }

    /** Loads {@code content} as {@code name} and decodes every message; null when no reader takes it. */
    public static Capture loadAndDecode(String name, byte[] content) {
        Capture c;
        try {
            c = Loader.standard().load(name, content, null, -1);
        } catch (UnreadableInputException e) {
            printable(e.getMessage(), true);
            return null;
        }
        c.diagnostics().forEach(Invariants::check);
        decodeAll(c);
        return c;
    }

    /** Decodes every message of {@code c} as the CLI does and checks each tree. */
    public static void decodeAll(Capture c) {
        IntFunction<Conversation> conv = Conversations.of(c);
        for (int i = 0; i < c.messageCount(); i++) {
            DecodedMessage m = DECODER.decode(c.message(i), conv.apply(i));
            tree(m.tree(), c.message(i).length(), c.source() + " message " + i);
        }
    }

    /** The tiling rule and a note on every malformed node. */
    public static void tree(Node root, int length, String where) {
        List<String> problems = new ArrayList<>(TreeChecks.violations(root, length));
        malformedWithoutNote(root, problems);
        if (!problems.isEmpty()) {
            throw new AssertionError(where + ": " + String.join("; ", problems));
        }
    }

    private static void malformedWithoutNote(Node n, List<String> problems) {
        if (n.status() == Status.MALFORMED && (n.note() == null || n.note().isBlank())) {
            problems.add("malformed node " + n.name() + " @ " + n.offset() + "+" + n.length() + " has no note");
        }
        n.children().forEach(c -> malformedWithoutNote(c, problems));
    }

    /** A diagnostic names a place and is printable. */
    public static void check(Diagnostic d) {
        if (d.location().isEmpty()) {
            throw new AssertionError("diagnostic without a location: " + d);
        }
        printable(d.toString(), false);
    }

    /** {@code s} holds no control character (newlines allowed where a message lists several reasons). */
    public static void printable(String s, boolean newlines) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && !(newlines && c == '\n')) || (c >= 0x7f && c <= 0x9f)) {
                throw new AssertionError("control character 0x" + Integer.toHexString(c) + " at " + i + " in: "
                        + s.substring(0, Math.min(s.length(), 300)));
            }
        }
    }
}
