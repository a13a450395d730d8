package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nlwb spec}: the kernel's specs check clean; a broken one fails with file:line; show names things. */
class SpecCommandTest {
    private static Path ynl() {
        return Path.of(System.getProperty("nlwb.shared", "../../shared")).toAbsolutePath().normalize().resolve("specs/ynl");
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void everyFileOfTheKernelSpecFolderChecksClean() throws Exception {
        List<String> args = new ArrayList<>(List.of("spec", "check"));
        try (Stream<Path> s = Files.list(ynl())) {
            s.sorted().forEach(p -> args.add(p.toString()));
        }
        assertTrue(args.size() > 30);
        CommandRun r = run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("rt-link.yaml: ok: rt-link (netlink-raw, NETLINK_ROUTE"), r.out());
        assertTrue(r.out().contains("genetlink.yaml: a YNL schema, not a family spec (skipped)"), r.out());
        assertTrue(r.out().contains("MANIFEST.md: not a .yaml file (skipped"), r.out());
    }

    @Test
    void aBrokenSpecFailsTheCheckWithFileLineAndKey(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(ynl().resolve("nlctrl.yaml"))
                .replace("nested-attributes: op-attrs", "nested-attributes: op-atrs"));
        CommandRun r = run("spec", "check", bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().matches("(?s)" + java.util.regex.Pattern.quote(bad.toString())
                + ":\\d+:\\d+: attribute-sets\\[ctrl-attrs\\]\\.attributes\\[ops\\]\\.nested-attributes: attribute set \"op-atrs\" is not defined.*"),
                r.err());
    }

    @Test
    void showPrintsKernelNamesAndNumbersAndListShowsWhereFrom() {
        CommandRun show = run("spec", "show", "rt-link", "--spec-dir", ynl().toString());
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains("getlink  → kernel RTM_GETLINK (18)  ← kernel RTM_NEWLINK (16) reply"), show.out());
        assertTrue(show.out().matches("(?s).*\\n\\s+3\\s+IFLA_IFNAME\\s+string\\n.*"), show.out());
        CommandRun list = run("spec", "list", "--spec-dir", ynl().toString());
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains(ynl().resolve("nlctrl.yaml").toString()), list.out());
    }
}
