package org.nlwb.decoder.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.model.Direction;

/**
 * Protocol + message → message class. Built once (from built-ins, specs and plugins), immutable,
 * and passed to whoever decodes: there is no global registry.
 *
 * <p>Resolution for a message of protocol P: the resolvers registered for P in order of
 * registration, then the exact {@code (P, type)} bindings, where a binding for the message's
 * direction wins over one for both directions. First match wins; no match means the core decoder
 * shows the body as unknown bytes.
 *
 * <p>A class may be added lazily ({@link Builder#add(String, Supplier)}): it is made the first time
 * it is asked for by name, listed by {@link #classes()} or handed out by a resolver that holds the
 * same {@link Once}. A spec family is added so, because parsing every built-in spec at start was
 * most of the time a short command took. {@link #classNames()} lists the names without making any.
 */
public final class Registry {
    private final Map<Integer, List<MessageClassResolver>> resolvers;
    private final Map<Long, List<MessageClass>> bindings;
    private final Map<String, Once<? extends MessageClass>> byName;
    private final Map<Integer, List<MessageFixer>> fixers;

    private Registry(Builder b) {
        Map<Integer, List<MessageClassResolver>> r = new HashMap<>();
        b.resolvers.forEach((k, v) -> r.put(k, List.copyOf(v)));
        this.resolvers = Map.copyOf(r);
        Map<Long, List<MessageClass>> bs = new HashMap<>();
        b.bindings.forEach((k, v) -> bs.put(k, List.copyOf(v)));
        this.bindings = Map.copyOf(bs);
        this.byName = Map.copyOf(b.byName);
        Map<Integer, List<MessageFixer>> fx = new HashMap<>();
        b.fixers.forEach((k, v) -> fx.put(k, List.copyOf(v)));
        this.fixers = Map.copyOf(fx);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A registry with no message classes: the core decodes headers, control messages and raw attributes. */
    public static Registry empty() {
        return builder().build();
    }

    private static long key(int protocol, int type) {
        return ((long) protocol << 32) | (type & 0xffffffffL);
    }

    /**
     * The class for a message, if any knows it. For a datagram without nlmsghdr (a uevent)
     * {@code msg.header()} is null and only the protocol's resolvers are asked.
     *
     * @throws PluginException when a resolver throws (a plugin's bug, not the message's)
     */
    public Optional<MessageClass> resolve(MessageContext msg, ByteView body) {
        for (MessageClassResolver r : resolvers.getOrDefault(msg.protocol(), List.of())) {
            Optional<MessageClass> c = ask(r, msg, body);
            if (c != null && c.isPresent()) {
                return c;
            }
        }
        if (msg.header() == null) {
            return Optional.empty(); // a raw datagram (uevent) has no type to bind: only resolvers see it
        }
        List<MessageClass> candidates = bindings.getOrDefault(key(msg.protocol(), msg.header().type()), List.of());
        MessageClass any = null;
        for (MessageClass c : candidates) {
            Direction d = c.direction();
            if (d == msg.direction()) {
                return Optional.of(c);
            }
            if (d == null && any == null) {
                any = c;
            }
        }
        return Optional.ofNullable(any);
    }

    private static Optional<MessageClass> ask(MessageClassResolver r, MessageContext msg, ByteView body) {
        try {
            return r.resolve(msg, body);
        } catch (RuntimeException | StackOverflowError e) {
            throw new PluginException("message class resolver " + r.getClass().getName(), e);
        }
    }

    /**
     * A class by its name (for {@code --class}); a lazily added class is made now.
     *
     * @throws RuntimeException what making a lazily added class threw (a built-in spec that does not parse)
     */
    public Optional<MessageClass> byName(String name) {
        Once<? extends MessageClass> c = byName.get(name);
        return c == null ? Optional.empty() : Optional.of(c.get());
    }

    /** The name of every class, without making any lazily added one; in no particular order. */
    public Set<String> classNames() {
        return byName.keySet();
    }

    /** The fixers plugins registered for {@code protocol}, in order of registration. */
    public List<MessageFixer> fixers(int protocol) {
        return fixers.getOrDefault(protocol, List.of());
    }

    /**
     * Every named class, in no particular order. Makes every lazily added class (parses every spec):
     * for what needs them all (the filter vocabulary); {@link #classNames()} when names will do.
     */
    public Collection<MessageClass> classes() {
        List<MessageClass> all = new ArrayList<>(byName.size());
        for (Once<? extends MessageClass> c : byName.values()) {
            all.add(c.get());
        }
        return all;
    }

    /** The key of {@link Builder#attributeCodec}: {@code family/set/attribute}. */
    public static String attributeKey(String family, String attributeSet, String attribute) {
        return family + "/" + attributeSet + "/" + attribute;
    }

    /** Collects classes and resolvers; not thread-safe; {@link #build} makes the immutable registry. */
    public static final class Builder {
        private final Map<Integer, List<MessageClassResolver>> resolvers = new LinkedHashMap<>();
        private final Map<Long, List<MessageClass>> bindings = new HashMap<>();
        private final Map<String, Once<? extends MessageClass>> byName = new LinkedHashMap<>();
        private final Map<Integer, List<MessageFixer>> fixers = new LinkedHashMap<>();
        private final Map<String, AttributeCodecFactory> attributeCodecs = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Decodes attribute {@code attribute} of set {@code attributeSet} of spec family {@code family}
         * (YNL names, e.g. {@code rt-route}, {@code route-attrs}, {@code multipath}) with a plugin's
         * codec instead of the spec's. What the factory or its codec throws, or children of a
         * decoded value that do not tile the payload, become a malformed attribute with a note
         * naming the codec ({@link GuardedCodecs}).
         */
        public Builder attributeCodec(String family, String attributeSet, String attribute, AttributeCodecFactory factory) {
            String key = attributeKey(family, attributeSet, attribute);
            attributeCodecs.put(key, GuardedCodecs.factory(key, java.util.Objects.requireNonNull(factory, "factory")));
            return this;
        }

        /** Lets {@code fixer} revise every decoded message of {@code protocol}. */
        public Builder messageFixer(int protocol, MessageFixer fixer) {
            fixers.computeIfAbsent(protocol, k -> new ArrayList<>()).add(fixer);
            return this;
        }

        /** The attribute codec factories added so far, keyed by {@link #attributeKey}. */
        public Map<String, AttributeCodecFactory> attributeCodecs() {
            return Map.copyOf(attributeCodecs);
        }

        /**
         * Adds everything {@code other} collected after what this builder has: its resolvers are
         * asked after ours, its bindings come after ours, its fixers run after ours.
         */
        public Builder addAll(Builder other) {
            other.byName.forEach(byName::putIfAbsent);
            other.resolvers.forEach((k, v) -> resolvers.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            other.bindings.forEach((k, v) -> bindings.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            other.fixers.forEach((k, v) -> fixers.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            other.attributeCodecs.forEach(attributeCodecs::putIfAbsent);
            return this;
        }

        /** Makes {@code c} known by name (for {@code --class}) without binding it to a type. */
        public Builder add(MessageClass c) {
            byName.put(c.name(), Once.done(c));
            return this;
        }

        /**
         * Makes a class known by {@code name} that {@code cls} makes when it is first needed. The
         * class made must answer {@code name} from {@link MessageClass#name()}. A resolver that hands
         * out the same class should hold the same {@link Once}, so it is made only once.
         */
        public Builder add(String name, Supplier<? extends MessageClass> cls) {
            byName.put(java.util.Objects.requireNonNull(name, "name"),
                    cls instanceof Once<? extends MessageClass> o ? o : Once.of(cls));
            return this;
        }

        /** Binds {@code (protocol, type)} to {@code c} (and adds it by name). */
        public Builder bind(int protocol, int type, MessageClass c) {
            add(c);
            bindings.computeIfAbsent(key(protocol, type), k -> new ArrayList<>()).add(c);
            return this;
        }

        /** Adds a resolver consulted, before type bindings, for messages of {@code protocol}. */
        public Builder resolver(int protocol, MessageClassResolver r) {
            resolvers.computeIfAbsent(protocol, k -> new ArrayList<>()).add(r);
            return this;
        }

        /** Lets every {@link MessageClassProvider} visible to {@code loader} contribute. */
        public Builder loadProviders(ClassLoader loader) {
            for (MessageClassProvider p : ServiceLoader.load(MessageClassProvider.class, loader)) {
                p.contribute(this);
            }
            return this;
        }

        public Registry build() {
            return new Registry(this);
        }
    }
}
