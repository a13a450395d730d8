package org.nlwb.decoder.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nlwb.decoder.export.Exporter;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.text.TextTree;

/**
 * The decoded trees of the project's own samples, as text, compared with golden files in
 * {@code src/test/resources/golden}. A change in any decoded name, value, offset or status shows
 * up as a diff here. After a deliberate change, rewrite them with
 * {@code mvn -pl decoder test -Dtest=GoldenTreesTest -Dnlwb.golden.update=true} and review the diff.
 */
class GoldenTreesTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TestFactory
    Stream<DynamicTest> projectSamplesDecodeToTheirGoldenTrees() {
        List<Path> samples = Samples.dumpsUnder(Samples.project());
        assertTrue(samples.size() >= 5, "the project's samples/ folder should hold its captures: " + Samples.project());
        return samples.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path sample) throws Exception {
        String actual = render(sample);
        Path golden = GOLDEN.resolve(Samples.project().relativize(sample).toString().replace('/', '_') + ".golden.txt");
        if (Boolean.getBoolean("nlwb.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
            return;
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + "; create it with -Dnlwb.golden.update=true");
        assertEquals(Files.readString(golden), actual, "decoded tree of " + sample + " differs from " + golden);
    }

    static String render(Path sample) throws Exception {
        // Named by file name only, so golden files do not depend on where the checkout is.
        Capture c = Loader.standard().load(sample.getFileName().toString(), Files.readAllBytes(sample), null, Protocol.UNKNOWN);
        DecodedCapture decoded = DecodedCapture.of(c, RegistryFactory.standard(List.of()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Exporter.writeText(new TextTree(out, false), decoded);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
