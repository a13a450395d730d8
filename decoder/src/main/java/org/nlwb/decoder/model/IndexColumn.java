package org.nlwb.decoder.model;

import java.util.Arrays;

/**
 * Growing columns of primitives for a capture's index: chunks of {@link #CHUNK} entries, added as
 * the column grows, so growing never copies the entries and a column wastes at most one chunk.
 * One writer appends; readers read entries below a count the writer published through a volatile
 * (the store's) after writing them, which is what makes the entries, and the chunks holding them,
 * visible to readers: the columns themselves have no volatile (a volatile write per entry would
 * cost more than the rest of indexing).
 */
public final class IndexColumn {
    /** Entries per chunk (a power of two). */
    public static final int CHUNK = 1 << 14;
    private static final int SHIFT = Integer.numberOfTrailingZeros(CHUNK);
    private static final int MASK = CHUNK - 1;

    private IndexColumn() {
    }

    /** A growing {@code long} column. */
    public static final class Longs {
        private long[][] chunks = new long[4][];
        private int size;

        public void add(long v) {
            long[][] c = chunks;
            int chunk = size >>> SHIFT;
            if (chunk == c.length) {
                c = Arrays.copyOf(c, c.length * 2);
                chunks = c;
            }
            if (c[chunk] == null) {
                c[chunk] = new long[CHUNK];
            }
            c[chunk][size & MASK] = v;
            size++;
        }

        public long get(int i) {
            return chunks[i >>> SHIFT][i & MASK];
        }

        /** Heap bytes held by the entries' chunks. */
        public long heapBytes() {
            return allocated(chunks) * (long) CHUNK * Long.BYTES;
        }
    }

    /**
     * A growing column of non-decreasing {@code long}s (file offsets) in 4 bytes an entry: each
     * chunk keeps its first value and the others as unsigned distances from it; the rare entry
     * more than 4 GiB past its chunk's first goes to a map.
     */
    public static final class Offsets {
        private static final int FAR = -1;
        private final Ints deltas = new Ints();
        private final Longs bases = new Longs();
        private final java.util.Map<Integer, Long> far = new java.util.concurrent.ConcurrentHashMap<>();

        public void add(long v) {
            int i = deltas.size();
            if ((i & MASK) == 0) {
                bases.add(v);
            }
            long d = v - bases.get(i >>> SHIFT);
            if (d < 0 || d >= 0xffffffffL) {
                far.put(i, v);
                deltas.add(FAR);
            } else {
                deltas.add((int) d);
            }
        }

        public long get(int i) {
            int d = deltas.get(i);
            return d == FAR ? far.get(i) : bases.get(i >>> SHIFT) + (d & 0xffffffffL);
        }

        public long heapBytes() {
            return deltas.heapBytes() + bases.heapBytes() + far.size() * 64L;
        }
    }

    /** A growing {@code int} column. */
    public static final class Ints {
        private int[][] chunks = new int[4][];
        private int size;

        public void add(int v) {
            int[][] c = chunks;
            int chunk = size >>> SHIFT;
            if (chunk == c.length) {
                c = Arrays.copyOf(c, c.length * 2);
                chunks = c;
            }
            if (c[chunk] == null) {
                c[chunk] = new int[CHUNK];
            }
            c[chunk][size & MASK] = v;
            size++;
        }

        public int get(int i) {
            return chunks[i >>> SHIFT][i & MASK];
        }

        public int size() {
            return size;
        }

        public long heapBytes() {
            return allocated(chunks) * (long) CHUNK * Integer.BYTES;
        }
    }

    private static long allocated(Object[] chunks) {
        return Arrays.stream(chunks).filter(java.util.Objects::nonNull).count();
    }
}
