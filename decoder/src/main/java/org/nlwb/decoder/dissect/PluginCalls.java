package org.nlwb.decoder.dissect;

import java.util.List;
import java.util.Optional;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.message.FlagKind;
import org.nlwb.decoder.registry.MessageClass;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.MessageFixer;
import org.nlwb.decoder.registry.PluginException;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecMessageClass;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * Every call the core decoder makes into a message class, a resolver or a fixer: code that may be
 * a plugin's. What such code throws, and a result that breaks the tiling rule ({@link TreeChecks}),
 * never leave here: a body becomes one malformed node holding its bytes, with a note naming the
 * plugin (message class name and Java class) and what it threw or broke. Notes say
 * {@code "... failed: ..."}. A StackOverflowError (a plugin recursing on hostile input) counts as
 * thrown; other Errors (out of memory) are not a plugin's result and go up.
 */
final class PluginCalls {
    private PluginCalls() {
    }

    /** The class chosen for a message, or null; {@code failure} says why none when a resolver threw. */
    record Choice(MessageClass cls, String failure) {
    }

    /**
     * What a class made of a message: its names for it, and the body's nodes (one malformed node
     * when {@code failure} is set). Names are null when the class does not know them (or failed).
     */
    record ClassResult(String typeName, String headerTypeName, FlagKind flagKind, List<Node> nodes, String failure) {
    }

    /** The class {@code forced} names, else the one the registry picks. */
    static Choice choose(Registry registry, MessageContext ctx, ByteView body, String forced) {
        if (forced != null) {
            return new Choice(registry.byName(forced).orElse(null), null);
        }
        try {
            return new Choice(registry.resolve(ctx, body).orElse(null), null);
        } catch (PluginException e) {
            return new Choice(null, e.getMessage());
        }
    }

    /** A class's names for a message; all null and {@code failure} set when asking threw. */
    record Names(String typeName, String headerTypeName, FlagKind flagKind, String failure) {
    }

    /** Asks {@code cls} for the message's names (type, nlmsg_type's display, flags' kind). */
    static Names names(MessageClass cls, MessageContext ctx) {
        try {
            return new Names(cls.typeName(ctx), cls.headerTypeName(ctx), cls.flagKind(ctx), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Names(null, null, null, who(cls) + " failed: threw " + e + " naming the message");
        }
    }

    /** Asks {@code cls} for the message's names and decodes its body, keeping both within the rules. */
    static ClassResult decode(MessageClass cls, MessageContext ctx, ByteView body, DecodeScope scope) {
        return body(MessageNaming.of(new Choice(cls, null), ctx), ctx, body, scope);
    }

    /** Decodes the body with the class {@code n} chose (not null), whose names it holds, keeping it within the rules. */
    static ClassResult body(MessageNaming n, MessageContext ctx, ByteView body, DecodeScope scope) {
        MessageClass cls = n.cls();
        String typeName = n.typeName();
        String headerTypeName = n.headerTypeName();
        FlagKind flagKind = n.flagKind();
        if (n.namingFailure() != null) {
            return new ClassResult(null, null, null, List.of(malformed(body, n.namingFailure())), n.namingFailure());
        }
        String failure;
        List<Node> nodes = null;
        try {
            nodes = cls.decodeBody(ctx, body, scope);
            List<String> problems = nodes != null && tilesByConstruction(cls) ? List.of()
                    : TreeChecks.tilingViolations(nodes, body.base(), body.length());
            failure = problems.isEmpty() ? null : who(cls) + " failed: broke the byte tiling: " + TreeChecks.summary(problems);
        } catch (RuntimeException | StackOverflowError e) {
            failure = who(cls) + " failed: threw " + e;
        }
        return failure == null ? new ClassResult(typeName, headerTypeName, flagKind, nodes, null)
                : new ClassResult(typeName, headerTypeName, flagKind, List.of(malformed(body, failure)), failure);
    }

    /**
     * Whether {@code cls} builds its trees so that they tile the body whatever the bytes: a
     * spec-backed class does (every attribute is its header and a payload its codec explains,
     * each plugin codec inside it checked on its own by the registry's guard), so the check of
     * every tree it returns, a pass over every node of every message, is left out for it. Any
     * other class, a plugin's included, is checked.
     */
    static boolean tilesByConstruction(MessageClass cls) {
        return cls instanceof SpecMessageClass;
    }

    /** The class's one-line summary, or null when it has none or fails (the generic summary will do). */
    static String summary(MessageClass cls, Node tree) {
        try {
            return cls.summary(tree);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /**
     * {@code root} after every fixer: a fixer that throws, returns null or breaks the tiling is
     * ignored for this message, and the root's note says which and how.
     */
    static Node fixed(List<MessageFixer> fixers, MessageContext ctx, Node root) {
        Node tree = root;
        for (MessageFixer f : fixers) {
            String failure;
            try {
                Node fixed = f.fix(ctx, tree);
                if (fixed == tree) {
                    continue;
                }
                failure = fixed == null ? "returned no tree (null)" : brokenTiling(fixed, tree);
                if (failure == null) {
                    tree = fixed;
                    continue;
                }
            } catch (RuntimeException | StackOverflowError e) {
                failure = "threw " + e;
            }
            String n = "message fixer " + f.getClass().getName() + " failed: " + failure + "; its change was dropped";
            tree = tree.withStatus(tree.status(), tree.note() == null ? n : tree.note() + "; " + n);
        }
        return tree;
    }

    private static String brokenTiling(Node fixed, Node tree) {
        if (fixed.offset() != tree.offset()) {
            return "moved the message from offset " + tree.offset() + " to " + fixed.offset();
        }
        List<String> problems = TreeChecks.violations(fixed.shifted(-fixed.offset()), tree.length());
        return problems.isEmpty() ? null : "broke the byte tiling: " + TreeChecks.summary(problems);
    }

    /** {@code message class rt-link (org.nlwb.decoder.spec.SpecMessageClass)}. */
    static String who(MessageClass cls) {
        String name;
        try {
            name = Optional.ofNullable(cls.name()).orElse("?");
        } catch (RuntimeException e) {
            name = "?";
        }
        return "message class " + name + " (" + cls.getClass().getName() + ")";
    }

    static Node malformed(ByteView body, String note) {
        return new Node("payload", null, body.base(), body.length(), body.hex(), Values.spacedHex(body, 64),
                Status.MALFORMED, note, List.of());
    }
}
