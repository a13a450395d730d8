package org.nlwb.decoder.read;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.nlwb.decoder.testing.Invariants;

/**
 * Coverage-guided fuzzing of every reader and of the loader with the decoder behind it. In a
 * normal test run each target replays the inputs kept in {@code ReadersFuzzTestInputs/<target>/}
 * (seeds and every crasher ever found); with {@code JAZZER_FUZZ=1} one target fuzzes, e.g.
 * {@code JAZZER_FUZZ=1 mvn -pl decoder test -Dtest='ReadersFuzzTest#pcap'} (see the README's
 * robustness section). A target fails when an exception other than "not this format" escapes,
 * when a reader's message holds a control character, or when a decoded tree breaks
 * {@link Invariants}.
 */
class ReadersFuzzTest {
    private static void read(Reader reader, String name, byte[] input) {
        try {
            reader.read(name, input, r -> { }, Invariants::check);
        } catch (NotThisFormatException e) {
            Invariants.printable(e.getMessage(), false);
        }
    }

    @FuzzTest(maxDuration = "3m")
    void pcap(byte[] input) {
        read(new PcapReader(), "f.pcap", input);
    }

    @FuzzTest(maxDuration = "3m")
    void strace(byte[] input) {
        read(new StraceReader(), "f.strace.txt", input);
    }

    @FuzzTest(maxDuration = "3m")
    void pyroute2(byte[] input) {
        read(new Pyroute2Reader(), "f.data", input);
    }

    @FuzzTest(maxDuration = "3m")
    void hex(byte[] input) {
        read(new HexReader(), "f.hex", input);
    }

    /** Detection, every reader it tries, framing and the decoder on what loads. */
    @FuzzTest(maxDuration = "3m")
    void loadAndDecode(byte[] input) {
        if (input.length > 0) {
            Invariants.loadAndDecode("f", input);
        }
    }
}
