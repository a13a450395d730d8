package org.nlwb.decoder.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.json.TreeJson;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.testing.Samples;

/**
 * The built-in specs are parsed only when a message or a lookup needs their family, and a registry
 * so made decodes exactly as one whose specs were all parsed first.
 */
class LazySpecsTest {

    private static Set<String> parsed(SpecCatalog catalog) {
        Set<String> names = new TreeSet<>();
        for (SpecCatalog.Entry e : catalog.entries()) {
            if (e.source().isParsed()) {
                names.add(e.name());
            }
        }
        return names;
    }

    @Test
    void decodingLinkMessagesParsesRtLinkAlone() throws Exception {
        SpecLibrary lib = SpecLibrary.of(true, List.of());
        SpecCatalog catalog = lib.load();
        Registry registry = lib.registry(catalog);
        assertEquals(Set.of(), parsed(catalog), "loading and building the registry parse nothing");
        assertTrue(registry.classNames().containsAll(Set.of("rt-link", "rt-route", "nl80211", "nftables", "nlctrl")),
                "every built-in family is known by name unparsed: " + registry.classNames());
        DecodedCapture c = DecodedCapture.of(
                Loader.standard().load(Samples.project().resolve("ip-link-show.pcap"), null, Protocol.UNKNOWN), registry);
        for (DecodedMessage m : c.messages()) {
            assertTrue(m.tree() != null);
        }
        assertEquals(Set.of("rt-link"), parsed(catalog));
    }

    @Test
    void specListFactsNeedNoParsing() {
        SpecCatalog catalog = SpecLibrary.of(true, List.of()).load();
        SpecCatalog.Entry link = catalog.entry("rt-link").orElseThrow();
        assertEquals(Protocol.ROUTE, link.facts().protocol());
        assertEquals("netlink-raw", link.facts().schema().label());
        assertEquals("builtin:rt-link.yaml", link.origin());
        assertEquals(Set.of(), parsed(catalog));
        assertEquals(link.facts(), SpecFacts.of(link.family()), "the facts are those of the parsed spec");
    }

    /** Every sample of the project, decoded with lazily parsed specs and with all of them parsed first. */
    @Test
    void lazilyParsedSpecsDecodeEverySampleAsEagerlyParsedOnes() throws Exception {
        SpecLibrary lib = SpecLibrary.of(true, List.of());
        Registry lazy = lib.registry(lib.load());
        SpecCatalog all = lib.load();
        Map<String, SpecCatalog.Entry> parsedFirst = new LinkedHashMap<>();
        for (SpecCatalog.Entry e : all.entries()) {
            parsedFirst.put(e.name(), new SpecCatalog.Entry(e.family(), e.origin(), e.overridden()));
        }
        Registry eager = lib.registry(new SpecCatalog(parsedFirst, all.problems()));
        int messages = 0;
        for (Path f : Samples.dumpsUnder(Samples.project())) {
            var capture = Loader.standard().load(f, null, Protocol.UNKNOWN);
            assertEquals(json(DecodedCapture.of(capture, eager)), json(DecodedCapture.of(capture, lazy)), f.toString());
            messages += capture.messageCount();
        }
        assertTrue(messages > 500, "the samples hold " + messages + " messages");
    }

    private static String json(DecodedCapture c) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.writeStartArray();
            for (DecodedMessage m : c.messages()) {
                TreeJson.writeMessage(g, m);
            }
            g.writeEndArray();
        }
        return w.toString();
    }

    /** Built-in specs of a class loader over {@code dir} alone (not the decoder's own). */
    private static SpecCatalog builtinsOf(Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            SpecCatalog c = SpecLibrary.of(true, List.of()).withClassLoader(loader).load();
            c.entries().forEach(e -> {
                if (!e.name().equals("broken-facts")) {
                    e.family(); // parse while the loader is open
                }
            });
            return c;
        }
    }

    private static void builtin(Path dir, String facts) throws IOException {
        Path specs = Files.createDirectories(dir.resolve(SpecLibrary.BUILTIN_DIR));
        try (InputStream in = LazySpecsTest.class.getClassLoader().getResourceAsStream(SpecLibrary.BUILTIN_DIR + "rt-addr.yaml")) {
            Files.write(specs.resolve("rt-addr.yaml"), in.readAllBytes());
        }
        Files.writeString(specs.resolve("INDEX"), "rt-addr.yaml\n");
        if (facts != null) {
            Files.writeString(specs.resolve("FACTS"), facts, StandardCharsets.UTF_8);
        }
    }

    @Test
    void withoutTheIndexEveryBuiltinSpecIsParsedAtLoad(@TempDir Path dir) throws IOException {
        builtin(dir, null);
        SpecCatalog c = builtinsOf(dir);
        assertEquals(List.of(), c.problems());
        assertEquals(List.of("rt-addr"), c.entries().stream().map(SpecCatalog.Entry::name).toList());
        assertTrue(c.entries().get(0).source().isParsed());
    }

    @Test
    void anIndexThatNoLongerFitsItsSpecSaysSoWhenTheSpecIsParsed(@TempDir Path dir) throws IOException {
        SpecFacts real = SpecLibrary.of(true, List.of()).load().entry("rt-addr").orElseThrow().facts();
        // rt-addr's line with request id 99 added: written by a build of another rt-addr
        String line = real.line().replaceFirst("\t(\\d+),", "\t$1,99,");
        assertFalse(line.equals(real.line()));
        builtin(dir, "rt-addr.yaml\t" + line + "\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            SpecCatalog c = SpecLibrary.of(true, List.of()).withClassLoader(loader).load();
            assertFalse(c.entries().get(0).source().isParsed());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.entries().get(0).family());
            assertTrue(e.getMessage().contains("rt-addr.yaml no longer fits " + BuiltinIndex.RESOURCE), e.getMessage());
        }
    }
}
