package org.nlwb.app.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedLibraryPackagesTest {

    /** ldd's output for two of an app image's libraries (Debian 12). */
    private static final String LDD = """
            /img/lib/runtime/lib/libawt_xawt.so:
            \tlinux-vdso.so.1 (0x00007ffd4b5f2000)
            \tlibawt.so => /img/lib/runtime/lib/libawt.so (0x00007f0c4a800000)
            \tlibX11.so.6 => /lib/x86_64-linux-gnu/libX11.so.6 (0x00007f0c4a6b9000)
            \tlibjvm.so => not found
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c4a4d8000)
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f0c4ab2c000)
            /img/lib/runtime/lib/libzip.so:
            \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f5b1e7d0000)
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0c4a4d8000)
            """;

    @Test
    void lddOutputGivesTheLibrariesFromOutsideTheImageOnce() {
        assertEquals(Set.of("/lib/x86_64-linux-gnu/libX11.so.6", "/lib/x86_64-linux-gnu/libc.so.6",
                "/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/libz.so.1"),
                SharedLibraryPackages.librariesOutside(LDD, "/img"));
    }

    @Test
    void dpkgOutputGivesEachPathsPackageWithoutItsArchitecture() {
        String out = """
                zlib1g:amd64: /lib/x86_64-linux-gnu/libz.so.1
                libx11-6:amd64: /usr/lib/x86_64-linux-gnu/libX11.so.6
                libc6:amd64, libc6-i386: /lib64/ld-linux-x86-64.so.2
                diversion by foo from: /usr/bin/bar
                """;
        assertEquals(Map.of("/lib/x86_64-linux-gnu/libz.so.1", "zlib1g", "/usr/lib/x86_64-linux-gnu/libX11.so.6", "libx11-6",
                "/lib64/ld-linux-x86-64.so.2", "libc6"), SharedLibraryPackages.owners(out));
    }

    @Test
    void theRunningJdksLibrariesResolveToInstalledPackages() throws Exception {
        assumeTrue(onPath("ldd") && onPath("dpkg"), "skipped: needs ldd and dpkg (a Debian system)");
        Path lib = Path.of(System.getProperty("java.home"), "lib");
        SharedLibraryPackages p = SharedLibraryPackages.of(lib);
        assertTrue(p.packages().contains("libc6"), p.toString());
        assertEquals(List.of(), p.unresolved().stream().filter(l -> !l.contains("libjvm")).toList());
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
