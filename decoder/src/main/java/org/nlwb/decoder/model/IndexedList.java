package org.nlwb.decoder.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A read-only list of {@code size} elements made on demand by {@code get}: what an API that takes
 * a {@link List} gets from an index (a capture's messages, a window's shown rows) without an object
 * kept per element. Pitfall: copying it ({@code List.copyOf}, a {@code new ArrayList}) makes every
 * element, which is what it exists to avoid.
 */
public final class IndexedList<T> extends AbstractList<T> implements RandomAccess {
    private final int size;
    private final IntFunction<T> get;

    private IndexedList(int size, IntFunction<T> get) {
        this.size = size;
        this.get = get;
    }

    /** Elements {@code get(0) .. get(size - 1)}. */
    public static <T> List<T> of(int size, IntFunction<T> get) {
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
        return new IndexedList<>(size, Objects.requireNonNull(get, "get"));
    }

    @Override
    public T get(int i) {
        Objects.checkIndex(i, size);
        return get.apply(i);
    }

    @Override
    public int size() {
        return size;
    }
}
