package org.nlwb.decoder.read;

/**
 * The bytes of a capture file as the pcap and pcapng walkers read them: absolute {@code long}
 * offsets, so a file of any size can be walked, over a heap array ({@link #of(byte[])}) or a
 * memory-mapped file ({@link MappedFile}). Both give the same walk, hence the same capture.
 * Reads outside {@code [0, size())} are a bug in the caller, which checks lengths first.
 */
interface FileBytes {

    long size();

    int u8(long at);

    /** The 32-bit value at {@code at}, little-endian when {@code little}, else big-endian. */
    int i32(long at, boolean little);

    /** The unsigned 16-bit value at {@code at}, little-endian when {@code little}. */
    default int u16(long at, boolean little) {
        int a = u8(at);
        int b = u8(at + 1);
        return little ? a | b << 8 : a << 8 | b;
    }

    /** Copies {@code len} bytes at {@code at} into {@code dst[dstOff...]}. */
    void copy(long at, byte[] dst, int dstOff, int len);

    /** A fresh array of the {@code len} bytes at {@code at}. */
    default byte[] bytes(long at, int len) {
        byte[] b = new byte[len];
        copy(at, b, 0, len);
        return b;
    }

    static FileBytes of(byte[] in) {
        return new FileBytes() {
            @Override
            public long size() {
                return in.length;
            }

            @Override
            public int u8(long at) {
                return in[(int) at] & 0xff;
            }

            @Override
            public int i32(long at, boolean little) {
                int p = (int) at;
                int v = (in[p] & 0xff) << 24 | (in[p + 1] & 0xff) << 16 | (in[p + 2] & 0xff) << 8 | (in[p + 3] & 0xff);
                return little ? Integer.reverseBytes(v) : v;
            }

            @Override
            public void copy(long at, byte[] dst, int dstOff, int len) {
                System.arraycopy(in, (int) at, dst, dstOff, len);
            }
        };
    }
}
