package org.nlwb.decoder.registry;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.AttributeCodec;
import org.nlwb.decoder.decode.AttributeSet;
import org.nlwb.decoder.decode.DecodeScope;
import org.nlwb.decoder.decode.Decoded;
import org.nlwb.decoder.decode.NamedSubtree;
import org.nlwb.decoder.decode.Values;
import org.nlwb.decoder.tree.TreeChecks;

/**
 * Wraps a plugin's {@link AttributeCodecFactory} so that its bugs stay inside the attribute: a
 * factory that throws or makes no codec, a codec that throws or returns nothing, and children of
 * a decoded value that do not tile the payload each become a malformed value holding the payload
 * bytes, with a note naming the codec's class and the attribute it was registered for.
 */
final class GuardedCodecs {
    private GuardedCodecs() {
    }

    /** @param key the attribute the factory serves ({@link Registry#attributeKey}), for notes */
    static AttributeCodecFactory factory(String key, AttributeCodecFactory factory) {
        return (specCodec, sets) -> create(key, factory, specCodec, sets);
    }

    private static AttributeCodec create(String key, AttributeCodecFactory factory, AttributeCodec specCodec,
                                         Function<String, AttributeSet> sets) {
        String who = "attribute codec factory " + factory.getClass().getName() + " for " + key;
        AttributeCodec made;
        try {
            made = factory.create(specCodec, sets);
        } catch (RuntimeException | StackOverflowError e) {
            return new Broken(specCodec.name(), who + " failed: threw " + e);
        }
        if (made == null) {
            return new Broken(specCodec.name(), who + " failed: made no codec (null)");
        }
        if (made == specCodec) {
            return specCodec; // the spec's own, handed back (a factory that only wanted the sets): no plugin code runs
        }
        Guarded g = new Guarded(made, specCodec.name(), "attribute codec " + made.getClass().getName() + " for " + key);
        if (made instanceof NamedSubtree n) {
            try {
                return new GuardedNamed(g, n, Set.copyOf(n.walkedSets()));
            } catch (RuntimeException e) {
                return g; // it cannot say what it walks: as if it said nothing
            }
        }
        return g;
    }

    /** A guarded codec that says what its subtree holds ({@link NamedSubtree}); a name it throws on may be there. */
    private record GuardedNamed(Guarded guarded, NamedSubtree names, Set<String> walkedSets)
            implements AttributeCodec, NamedSubtree {
        @Override
        public String name() {
            return guarded.name();
        }

        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            return guarded.decode(payload, netByteOrder, scope);
        }

        @Override
        public boolean mayName(String name) {
            try {
                return names.mayName(name);
            } catch (RuntimeException e) {
                return true;
            }
        }
    }

    private static Decoded malformed(ByteView payload, String note) {
        return Decoded.malformed(payload.hex(), Values.spacedHex(payload, 64), note);
    }

    /** Stands for a codec its factory could not make: every payload is shown as bytes, with the reason. */
    private record Broken(String name, String note) implements AttributeCodec {
        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            return malformed(payload, note);
        }
    }

    /** A plugin's codec, its failures turned into malformed values. */
    private record Guarded(AttributeCodec codec, String specName, String who) implements AttributeCodec {
        @Override
        public String name() {
            try {
                String n = codec.name();
                return n != null ? n : specName;
            } catch (RuntimeException e) {
                return specName;
            }
        }

        @Override
        public Decoded decode(ByteView payload, boolean netByteOrder, DecodeScope scope) {
            Decoded d;
            try {
                d = codec.decode(payload, netByteOrder, scope);
            } catch (RuntimeException | StackOverflowError e) {
                return malformed(payload, who + " failed: threw " + e);
            }
            if (d == null) {
                return malformed(payload, who + " failed: returned no value (null)");
            }
            if (!d.children().isEmpty()) {
                List<String> problems = TreeChecks.tilingViolations(d.children(), payload.base(), payload.length());
                if (!problems.isEmpty()) {
                    return malformed(payload, who + " failed: broke the byte tiling: " + TreeChecks.summary(problems));
                }
            }
            return d;
        }
    }
}
