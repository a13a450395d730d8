package org.nlwb.app.ui.view;

/**
 * Where a hex row's columns lie, in pixels from the row's content edge: the offset (36), sixteen
 * bytes of 20 with the ninth 6 wider (the gap between the two halves is part of its box, as its
 * shading always was), a 10 px gap, then sixteen ASCII columns of 8. The ASCII columns (and the gap)
 * are left out of a narrow pane.
 */
record HexRowLayout(boolean ascii) {
    static final int BYTES = org.nlwb.app.ui.model.HexViewModel.BYTES_PER_ROW;
    static final double OFFSET_WIDTH = 36;
    static final double BYTE_WIDTH = 20;
    static final double MID_GAP = 6;
    static final double GAP_WIDTH = 10;
    static final double ASCII_WIDTH = 8;
    private static final int MID = BYTES / 2;

    /** Left edge of byte {@code i}'s hex box (i = 16: where the hex column ends). */
    double hexX(int i) {
        return OFFSET_WIDTH + i * BYTE_WIDTH + (i > MID ? MID_GAP : 0);
    }

    double hexWidth(int i) {
        return i == MID ? BYTE_WIDTH + MID_GAP : BYTE_WIDTH;
    }

    /** Left edge of the 20 px its two digits are centred in (the ninth's gap lies before them). */
    double hexTextX(int i) {
        return hexX(i) + hexWidth(i) - BYTE_WIDTH;
    }

    /** Left edge of byte {@code i}'s ASCII box (i = 16: the column's end). */
    double asciiX(int i) {
        return hexX(BYTES) + GAP_WIDTH + i * ASCII_WIDTH;
    }

    /** The row's content width: the hex column, and the ASCII one when shown. */
    double width() {
        return ascii ? asciiX(BYTES) : hexX(BYTES);
    }

    /** The byte (0..15) whose hex or ASCII box holds {@code x}, or -1 (the offset, the gap, past the end). */
    int byteAt(double x) {
        if (x >= OFFSET_WIDTH && x < hexX(BYTES)) {
            for (int i = BYTES - 1; i >= 0; i--) {
                if (x >= hexX(i)) {
                    return i;
                }
            }
        }
        if (ascii && x >= asciiX(0) && x < asciiX(BYTES)) {
            return (int) ((x - asciiX(0)) / ASCII_WIDTH);
        }
        return -1;
    }
}
