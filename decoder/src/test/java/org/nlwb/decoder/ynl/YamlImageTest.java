package org.nlwb.decoder.ynl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.spec.BuiltinIndex;
import org.nlwb.decoder.spec.SpecLibrary;

class YamlImageTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = YamlImageTest.class.getClassLoader().getResourceAsStream(SpecLibrary.BUILTIN_DIR + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static List<String> builtins() throws IOException {
        return new String(resource("INDEX"), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void everyBuiltInSpecHasAnImageOfItsYamlAsTheReaderReadsIt() throws Exception {
        List<String> names = builtins();
        assertTrue(names.size() > 40, "the built-in specs: " + names.size());
        int images = 0;
        for (String name : names) {
            byte[] yaml = resource(name);
            YamlNode read = YamlReader.read("builtin:" + name, yaml);
            if (read.isMap() && read.has("$schema") && !read.has("name")) {
                continue; // a YNL schema file, which the build gives no image
            }
            byte[] image = resource(name + BuiltinIndex.IMAGE);
            if (image == null) {
                continue; // schema files (parse returns null for them) get none either
            }
            images++;
            assertEquals(read, YamlImage.read(image, yaml, "builtin:" + name), name + ": the build's image is not the YAML read");
        }
        assertTrue(images > 40, "images the build wrote: " + images);
    }

    @Test
    void lineColumnKeyLinesDuplicatesAndSharedAliasesSurvive() throws Exception {
        byte[] yaml = ("name: demo\n"
                + "list: &shared\n  - {a: 1, b: \"two\"}\n  - ~\n"
                + "again: *shared\n"
                + "dup: 1\ndup: 2\n"
                + "long: \"" + "é\\\n  ".repeat(40_000) + "\"\n").getBytes(StandardCharsets.UTF_8);
        YamlNode doc = YamlReader.read("demo.yaml", yaml);
        YamlNode back = YamlImage.read(YamlImage.write(doc, yaml), yaml, "demo.yaml");
        assertEquals(doc, back);
        assertSame(back.get("list"), back.get("again"), "an alias shares its anchor's node, as the reader makes it");
        assertEquals(Integer.valueOf(7), back.duplicateKeys().get("dup"));
        assertEquals(3, back.get("list").list().get(0).line());
        assertEquals(40_000, back.get("long").text().length(), "a text past writeUTF's 64 KiB: " + back.get("long").text().substring(0, 9));
        assertEquals("demo.yaml:2:7", back.get("list").where());
    }

    @Test
    void anImageOfOtherTextOrADamagedOneIsNotUsed() throws Exception {
        byte[] yaml = "name: demo\nvalue: 1\n".getBytes(StandardCharsets.UTF_8);
        byte[] image = YamlImage.write(YamlReader.read("demo.yaml", yaml), yaml);
        assertNotNull(YamlImage.read(image, yaml, "demo.yaml"));
        byte[] edited = "name: demo\nvalue: 2\n".getBytes(StandardCharsets.UTF_8);
        assertNull(YamlImage.read(image, edited, "demo.yaml"), "the YAML changed since the image was made");
        for (int cut = 0; cut < image.length; cut++) {
            assertNull(YamlImage.read(Arrays.copyOf(image, cut), yaml, "demo.yaml"), "cut at " + cut);
        }
        byte[] longer = Arrays.copyOf(image, image.length + 1);
        assertNull(YamlImage.read(longer, yaml, "demo.yaml"), "trailing bytes");
        for (int i = 16; i < image.length; i++) {
            byte[] bad = image.clone();
            bad[i] ^= (byte) 0x80; // a count or tag gone wrong: null, never an exception or a huge allocation
            YamlImage.read(bad, yaml, "demo.yaml");
        }
    }
}
