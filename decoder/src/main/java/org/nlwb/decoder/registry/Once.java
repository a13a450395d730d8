package org.nlwb.decoder.registry;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use, at most once, whichever thread asks first; the others wait for it.
 * What the maker throws is kept and thrown again to every later caller (a spec that does not parse
 * is not parsed again for each message).
 *
 * <p>Why it exists: the registry holds the classes of every built-in spec, but a run decodes the
 * messages of a few families; parsing all of them at start was most of the start-up time.
 *
 * <p>Pitfall: {@link #get()} may block while another thread runs the maker, so a maker must not
 * wait on a thread that itself waits on this value.
 */
public final class Once<T> implements Supplier<T> {
    private Supplier<? extends T> maker;
    private volatile T value;
    private volatile RuntimeException failure;

    private Once(Supplier<? extends T> maker, T value) {
        this.maker = maker;
        this.value = value;
    }

    /** A value {@code maker} makes when first asked for; the maker must not return null. */
    public static <T> Once<T> of(Supplier<? extends T> maker) {
        return new Once<>(Objects.requireNonNull(maker, "maker"), null);
    }

    /** A value that is already there. */
    public static <T> Once<T> done(T value) {
        return new Once<>(null, Objects.requireNonNull(value, "value"));
    }

    /**
     * The value, made now if nobody asked before.
     *
     * @throws RuntimeException what the maker threw (the same exception to every caller)
     */
    @Override
    public T get() {
        T v = value;
        if (v != null) {
            return v;
        }
        synchronized (this) {
            if (value == null && failure == null) {
                try {
                    T made = maker.get();
                    value = Objects.requireNonNull(made, "a Once maker returned null");
                } catch (RuntimeException e) {
                    failure = e;
                }
                maker = null; // let what the maker held go
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }

    /** Whether the value has been made (or its making failed): nothing is made by asking. */
    public boolean isDone() {
        return value != null || failure != null;
    }
}
