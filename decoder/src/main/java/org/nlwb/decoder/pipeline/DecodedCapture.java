package org.nlwb.decoder.pipeline;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.IntFunction;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.registry.Registry;

/**
 * One capture and how its messages are decoded: the {@link Capture} (records and the message
 * index, offsets only), the {@link Registry} of message classes, the {@link ConversationPolicy}
 * for generic netlink ids, an optional message class forced for every message, and a bounded
 * cache of decoded trees. This is the whole "load → conversation context → decode" loop; the CLI,
 * the window and the tests use it rather than wiring the steps themselves.
 *
 * <p>Thread-safe. {@link #decoded} goes through the cache (what a list shows on screen);
 * {@link #decodeUncached} and {@link #messages()} do not, so a scan over a million messages
 * (filter, export, {@code nlwb decode}) does not evict what is on screen and holds one tree at a
 * time. A capture that keeps growing (a live capture) is fine: the conversation context is
 * learned as far as asked, and {@link #messages()} follows records appended while it iterates.
 *
 * <p>Pitfall: the context of message {@code i} is what the messages before it taught; decoding
 * a message out of order is correct but scans the capture up to it first.
 */
public final class DecodedCapture {
    /** Decoded messages kept; a screenful of rows plus the selection needs far fewer. */
    public static final int DEFAULT_CACHE_SIZE = 4096;

    /** The decoder and forced class in effect, swapped together so no decode mixes two. */
    private record Decoding(MessageDecoder decoder, String forcedClass) {
    }

    private final Capture capture;
    private final ConversationPolicy policy;
    private final IntFunction<Conversation> conversations;
    private final int cacheSize;
    private final Map<Integer, DecodedMessage> cache;
    private volatile Decoding decoding;

    /**
     * @param forcedClass a message class name to decode every non-control message with, or null
     *                    for the class the registry picks
     */
    public DecodedCapture(Capture capture, Registry registry, ConversationPolicy policy, String forcedClass) {
        this(capture, registry, policy, forcedClass, DEFAULT_CACHE_SIZE);
    }

    /** As above with a cache of {@code cacheSize} trees (0: none). */
    public DecodedCapture(Capture capture, Registry registry, ConversationPolicy policy, String forcedClass,
                          int cacheSize) {
        this.capture = Objects.requireNonNull(capture, "capture");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.decoding = new Decoding(new MessageDecoder(registry), forcedClass);
        this.conversations = policy.over(capture);
        this.cacheSize = cacheSize;
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, DecodedMessage> e) {
                return size() > DecodedCapture.this.cacheSize;
            }
        };
    }

    /** {@code capture} decoded with {@code registry}, knowing only what the capture teaches. */
    public static DecodedCapture of(Capture capture, Registry registry) {
        return new DecodedCapture(capture, registry, ConversationPolicy.captureOnly(), null);
    }

    public Capture capture() {
        return capture;
    }

    public ConversationPolicy policy() {
        return policy;
    }

    public Registry registry() {
        return decoding.decoder().registry();
    }

    /** The decoder in effect (stateless apart from its registry). */
    public MessageDecoder decoder() {
        return decoding.decoder();
    }

    /** The class forced for every message, or null. */
    public String forcedClass() {
        return decoding.forcedClass();
    }

    public int messageCount() {
        return capture.messageCount();
    }

    public MessageRef message(int index) {
        return capture.message(index);
    }

    /** What message {@code index} may know from the messages before it, under this policy. */
    public Conversation conversation(int index) {
        return conversations.apply(index);
    }

    /**
     * Decodes from now on with {@code newRegistry} (specs reloaded) and {@code newForcedClass};
     * every cached tree is dropped. The conversation context stays: it does not depend on specs.
     */
    public synchronized void redecode(Registry newRegistry, String newForcedClass) {
        decoding = new Decoding(new MessageDecoder(newRegistry), newForcedClass);
        cache.clear();
    }

    /** Message {@code index} decoded, from the cache when it is there. */
    public DecodedMessage decoded(int index) {
        Decoding d;
        synchronized (this) {
            DecodedMessage m = cache.get(index);
            if (m != null) {
                return m;
            }
            d = decoding;
        }
        DecodedMessage m = decode(d, index);
        synchronized (this) {
            if (d == decoding) { // a tree of the registry just replaced is not kept
                cache.put(index, m);
            }
        }
        return m;
    }

    /** Message {@code index} decoded without touching the cache (for scans over the whole capture). */
    public DecodedMessage decodeUncached(int index) {
        return decode(decoding, index);
    }

    private DecodedMessage decode(Decoding d, int index) {
        return d.decoder().decode(capture.message(index), conversation(index), d.forcedClass());
    }

    /**
     * Every message decoded in capture order, one at a time and uncached. The iterator follows
     * the capture: a message appended before {@code hasNext()} is asked is part of the walk.
     */
    public Iterable<DecodedMessage> messages() {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                // waits for a file still being indexed only as far as the next message
                return capture.hasMessage(next);
            }

            @Override
            public DecodedMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return decodeUncached(next++);
            }
        };
    }

    /** {@code refs} (messages of this capture, in the order given) decoded one at a time, uncached. */
    public Iterable<DecodedMessage> messages(List<MessageRef> refs) {
        return () -> refs.stream().map(r -> decodeUncached(r.index())).iterator();
    }
}
