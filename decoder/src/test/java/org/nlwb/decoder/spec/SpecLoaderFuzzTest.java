package org.nlwb.decoder.spec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.testing.Invariants;
import org.nlwb.decoder.ynl.Family;
import org.nlwb.decoder.ynl.SpecException;

/**
 * Coverage-guided fuzzing of the YNL loader: YAML limits, parsing, schema checks, attribute
 * numbers, and the codecs a family that loads is turned into. Replays
 * {@code SpecLoaderFuzzTestInputs/ynl/} in a normal run; {@code JAZZER_FUZZ=1 mvn -pl decoder test
 * -Dtest='SpecLoaderFuzzTest'} fuzzes. Fails when anything but {@link SpecException} escapes or a
 * problem's text holds a control character.
 */
class SpecLoaderFuzzTest {
    @FuzzTest(maxDuration = "3m")
    void ynl(byte[] input) {
        try {
            Family f = SpecLibrary.parse("f.yaml", input);
            if (f != null) {
                SpecCatalog one = new SpecCatalog(Map.of(f.name(), new SpecCatalog.Entry(f, "f.yaml", List.of())), List.of());
                one.contribute(Registry.builder());
            }
        } catch (SpecException e) {
            e.problems().forEach(p -> Invariants.printable(p.toString(), false));
        }
    }
}
