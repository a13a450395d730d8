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

    /** A growing {@code byte} column. */
    public static final class Bytes {
        private byte[][] chunks = new byte[4][];
        private int size;

        public void add(byte v) {
            byte[][] c = chunks;
            int chunk = size >>> SHIFT;
            if (chunk == c.length) {
                c = Arrays.copyOf(c, c.length * 2);
                chunks = c;
            }
            if (c[chunk] == null) {
                c[chunk] = new byte[CHUNK];
            }
            c[chunk][size & MASK] = v;
            size++;
        }

        public byte get(int i) {
            return chunks[i >>> SHIFT][i & MASK];
        }

        public long heapBytes() {
            return allocated(chunks) * (long) CHUNK;
        }
    }

    private static long allocated(Object[] chunks) {
        return Arrays.stream(chunks).filter(java.util.Objects::nonNull).count();
    }
}
