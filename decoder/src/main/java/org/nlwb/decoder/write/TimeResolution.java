package org.nlwb.decoder.write;

/** The timestamp resolution a capture file is written with. */
public enum TimeResolution {
    MICROSECONDS(1_000),
    NANOSECONDS(1);

    private final long nanosPerUnit;

    TimeResolution(long nanosPerUnit) {
        this.nanosPerUnit = nanosPerUnit;
    }

    /** Sub-second part of {@code timeNanos} in this resolution's units. */
    long fraction(long timeNanos) {
        return Math.floorMod(timeNanos, 1_000_000_000L) / nanosPerUnit;
    }

    /** {@code timeNanos} in this resolution's units since the epoch. */
    long units(long timeNanos) {
        return timeNanos / nanosPerUnit;
    }
}
