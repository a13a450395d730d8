package org.nlwb.decoder.filter;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;
import org.nlwb.decoder.codec.FamilyCodecs;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.registry.MessageFixer;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.spec.SpecMessageClass;

/**
 * A {@link Filter} over the messages of one capture by index, decoding only what it needs and
 * keeping exactly the messages the filter keeps on their decoded trees:
 * <ul>
 *   <li>{@code seq}, {@code len}, {@code pid}, {@code direction}, {@code protocol} and the numbers
 *       of {@code type} and {@code flags} from the header and the record;</li>
 *   <li>{@code type} and {@code flags} names, {@code error}, from the header and the class the
 *       registry picks ({@link MessageHead}), without the body;</li>
 *   <li>a named field by the spec: no decode in a message whose family cannot hold the name, and
 *       in one that can, its attributes walked to it and only it decoded, or the one attribute
 *       that may hold it (a container, a Java codec that says what it makes) decoded alone; a
 *       presence test from the attribute headers ({@link AttributeProbe});</li>
 *   <li>{@code &&} and {@code ||} look at their cheaper side first (both sides mean the same
 *       whichever goes first: a filter has no side effects).</li>
 * </ul>
 * Whatever the header and the spec cannot answer (a Java message class, a plugin's codec that
 * does not say what it makes, a plugin's fixer, NLMSG_ERROR's echoed request, a frame without
 * header) is decoded in full and read from
 * the tree as {@link Filter#test} does. Thread-safe; what it learns of each family is kept per
 * instance.
 *
 * <p>Pitfall: it decodes with the capture's decoder as it was when made; after
 * {@code DecodedCapture.redecode} make a new one.
 */
public final class FastFilter implements IntPredicate {
    private record ReachKey(FamilyCodecs codecs, String field) {
    }

    private final Filter filter;
    private final Expr expr;
    private final DecodedCapture capture;
    private final Registry registry;
    private final String forcedClass;
    private final Map<ReachKey, FieldReach> reaches = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> builtinFixers = new ConcurrentHashMap<>();
    private final LongAdder fullDecodes = new LongAdder();
    private final LongAdder tested = new LongAdder();

    private FastFilter(Filter filter, DecodedCapture capture) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.capture = Objects.requireNonNull(capture, "capture");
        this.expr = filter.acceptsAll() ? null : CheapFirst.order(filter.expr());
        this.registry = capture.registry();
        this.forcedClass = capture.forcedClass();
    }

    /** {@code filter} over the messages of {@code capture}. */
    public static FastFilter of(Filter filter, DecodedCapture capture) {
        return new FastFilter(filter, capture);
    }

    public Filter filter() {
        return filter;
    }

    /** Whether the filter keeps message {@code index}: what {@code filter().test(capture.decodeUncached(index))} says. */
    @Override
    public boolean test(int index) {
        if (expr == null) {
            return true;
        }
        tested.increment();
        return Evaluation.eval(expr, new Fields(index));
    }

    /** How many messages {@link #test} has looked at, and how many of them it decoded in full. */
    public long tested() {
        return tested.sum();
    }

    public long fullDecodes() {
        return fullDecodes.sum();
    }

    private boolean builtinFixers(int protocol) {
        return builtinFixers.computeIfAbsent(protocol, p -> MessageHead.builtinFixers(registry.fixers(p)));
    }

    private List<MessageFixer> fixers(int protocol) {
        return registry.fixers(protocol);
    }

    /** One message's fields, each source (header, class, tree) made once, when first needed. */
    private final class Fields implements FieldSource {
        private final int index;
        private MessageRef ref;
        private boolean headMade;
        private MessageHead head;
        private DecodedMessage decoded;

        Fields(int index) {
            this.index = index;
        }

        /** The ref with its record fetched once (a mapped capture's ref fetches it on every ask). */
        private MessageRef ref() {
            if (ref == null) {
                MessageRef r = capture.message(index);
                ref = new MessageRef(r.index(), r.recordIndex(), r.record(), r.kind(), r.offset(), r.length(), r.note());
            }
            return ref;
        }

        /** The head, or null when only the tree can say (no head, or fixers only the tree shows). */
        private MessageHead head() {
            if (!headMade) {
                headMade = true;
                MessageRef r = ref();
                head = MessageHead.of(r, new LazyConversation(capture, index), registry, forcedClass);
                if (head != null && !builtinFixers(head.context().protocol())) {
                    head = null;
                }
            }
            return head;
        }

        private DecodedMessage decoded() {
            if (decoded == null) {
                fullDecodes.increment();
                decoded = capture.decodeUncached(index);
            }
            return decoded;
        }

        @Override
        public List<FieldValue> values(String field, boolean texts) {
            MessageRef r = ref();
            switch (field) {
                case "type":
                    if (r.hasHeader() && !texts) {
                        return List.of(new FieldValue(BigInteger.valueOf(r.type())));
                    }
                    return r.hasHeader() && head() != null ? List.of(new FieldValue(BigInteger.valueOf(r.type()), head.typeName()))
                            : TreeFields.values(field, decoded());
                case "flags":
                    if (!r.hasHeader()) {
                        return List.of();
                    }
                    if (!texts) {
                        return List.of(new FieldValue(BigInteger.valueOf(r.flags())));
                    }
                    return head() != null ? List.of(new FieldValue(BigInteger.valueOf(r.flags()), head.flagsDisplay()))
                            : TreeFields.values(field, decoded());
                case "error":
                    return error();
                default:
                    List<FieldValue> header = TreeFields.recordField(field, r);
                    if (header != null) {
                        return header;
                    }
                    List<FieldValue> found = named(field);
                    return found != null ? found : TreeFields.values(field, decoded());
            }
        }

        @Override
        public boolean present(String field) {
            switch (field) {
                case "type", "flags", "error":
                    return FieldSource.super.present(field);
                default:
                    List<FieldValue> header = TreeFields.recordField(field, ref());
                    if (header != null) {
                        return !header.isEmpty();
                    }
                    MessageHead h = head();
                    if (probed(h, field)) {
                        SpecMessageClass s = (SpecMessageClass) h.cls();
                        Boolean p = AttributeProbe.present(h, s, reach(s, field), fixers(h.context().protocol()));
                        if (p != null) {
                            return p;
                        }
                    }
                    return FieldSource.super.present(field);
            }
        }

        private List<FieldValue> error() {
            MessageHead h = head();
            if (h == null) {
                return TreeFields.values("error", decoded());
            }
            if (h.core()) {
                int t = h.header().type();
                if ((t == ControlType.ERROR || t == ControlType.DONE) && h.body().length() >= 4) {
                    int e = h.body().s32le(0);
                    return List.of(FieldValue.of((long) e, MessageDecoder.errorDisplay(e)));
                }
                return List.of();
            }
            if (h.cls() == null) {
                return List.of();
            }
            if (h.cls() instanceof SpecMessageClass s && !AttributeProbe.topLevelMayBe(h, s, "error")) {
                return List.of();
            }
            return TreeFields.values("error", decoded());
        }

        /** The occurrences of a field that is no pseudo-field, or null when only the tree can say. */
        private List<FieldValue> named(String field) {
            MessageHead h = head();
            if (h == null || RegistryNames.DECODER_NAMES.contains(field)) {
                return null;
            }
            if (h.core() && h.header().type() == ControlType.ERROR) {
                return null; // the echoed request is decoded by its own class
            }
            if (h.core() || h.cls() == null) {
                // the header, the core's body nodes or one payload node: only the root can have the name
                return field.equals(h.typeName()) ? List.of(FieldValue.of(null, h.typeName())) : List.of();
            }
            if (!(h.cls() instanceof SpecMessageClass s)) {
                return null;
            }
            return AttributeProbe.find(h, s, reach(s, field), fixers(h.context().protocol()));
        }

        /** Whether the probe may look for {@code field} in the message of {@code h}: a spec class's body. */
        private boolean probed(MessageHead h, String field) {
            return h != null && !RegistryNames.DECODER_NAMES.contains(field) && !h.core()
                    && h.cls() instanceof SpecMessageClass;
        }

        private FieldReach reach(SpecMessageClass s, String field) {
            return reaches.computeIfAbsent(new ReachKey(s.codecs(), field), k -> FieldReach.of(k.codecs(), k.field()));
        }
    }
}
