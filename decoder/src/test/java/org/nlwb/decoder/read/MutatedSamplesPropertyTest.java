package org.nlwb.decoder.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nlwb.decoder.testing.Invariants;
import org.nlwb.decoder.testing.Mutator;

/**
 * Property: every sample, damaged at random ({@link Mutator}: bit flips, truncations, length lies,
 * cut, inserted and repeated bytes, long numbers, control characters, other line ends and
 * encodings), still loads or is refused as unreadable, and whatever loads decodes with the rules
 * of {@link Invariants} intact. Seeded, so a failure names the seed and the damage and repeats;
 * {@code -Dnlwb.property.tries=N} makes N mutants per sample (default 25), and
 * {@code -Dnlwb.property.seed=S} another series.
 */
class MutatedSamplesPropertyTest {
    private static final long SEED = Long.getLong("nlwb.property.seed", 20261201L);

    static Stream<Path> samples() {
        List<Path> all = new ArrayList<>(org.nlwb.decoder.testing.Samples.dumpsUnder(Samples.own()));
        all.addAll(org.nlwb.decoder.testing.Samples.dumpsUnder(Samples.shared()));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void damagedCopiesLoadOrAreRefusedAndDecodeSoundly(Path sample) throws Exception {
        byte[] original = Files.readAllBytes(sample);
        String name = sample.getFileName().toString();
        int tries = Mutator.tries(25);
        for (int i = 0; i < tries; i++) {
            long seed = SEED * 31 + name.hashCode() * 1_000_003L + i;
            Mutator.Mutant m = Mutator.mutate(original, new Random(seed));
            try {
                Invariants.loadAndDecode(name, m.bytes());
            } catch (RuntimeException | AssertionError | StackOverflowError e) {
                throw new AssertionError(name + " with seed " + seed + " (" + m.how() + "): " + e, e);
            }
        }
    }
}
