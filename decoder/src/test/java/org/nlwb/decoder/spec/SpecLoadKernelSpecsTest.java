package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nlwb.decoder.testing.Samples;
import org.nlwb.decoder.ynl.Family;

/** Every kernel spec in {@code ../shared/specs/ynl} loads, and the schemas beside them are recognised. */
class SpecLoadKernelSpecsTest {
    static Path ynl() {
        return Samples.shared().resolve("specs/ynl");
    }

    @TestFactory
    Stream<DynamicTest> everyKernelSpecLoadsWithoutAProblem() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(ynl())) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 30, "kernel specs expected in " + ynl());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Family fam = SpecLibrary.parse(f.toString(), Files.readAllBytes(f));
            String n = f.getFileName().toString();
            if (n.startsWith("genetlink") || n.equals("netlink-raw.yaml")) {
                assertEquals(null, fam, "a schema, not a family");
            } else {
                assertNotNull(fam);
                assertTrue(!fam.operations().isEmpty() || !fam.attributeSets().isEmpty());
            }
        }));
    }
}
