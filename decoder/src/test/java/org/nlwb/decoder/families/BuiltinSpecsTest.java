package org.nlwb.decoder.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.spec.SpecCatalog;
import org.nlwb.decoder.spec.SpecLibrary;

/** Every built-in spec the INDEX lists loads without a single problem. */
class BuiltinSpecsTest {

    @Test
    void everyBuiltinSpecLoadsCleanly() throws IOException {
        SpecCatalog c = SpecLibrary.of(true, List.of()).load();
        assertEquals(List.of(), c.problems().stream().map(Object::toString).toList(), "problems in the built-in specs");
        List<String> index;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SpecLibrary.BUILTIN_DIR + "INDEX")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
        Set<String> loaded = c.entries().stream().map(e -> e.family().name()).collect(Collectors.toSet());
        for (String f : index) {
            assertTrue(loaded.contains(f.replace(".yaml", "")), f + " listed in INDEX but not loaded; have " + loaded);
        }
    }
}
