package org.nlwb.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuiCommandTest {

    @Test
    void withoutADisplayItSaysWhatToInstallAndHowToDecodeInstead(@TempDir Path libs) throws Exception {
        Files.createFile(libs.resolve("libgtk-3.so.0"));
        String msg = GuiCommand.windowProblem(Map.<String, String>of()::get, "Linux", List.of(libs.toString()));
        assertTrue(msg.contains("no display"), msg);
        assertTrue(msg.contains("apt-get install libgtk-3-0 xvfb"), msg);
        assertTrue(msg.contains("xvfb-run ./nlwb"), msg);
        assertTrue(msg.contains("./nlwb decode FILE"), msg);
    }

    @Test
    void withoutGtkItNamesThePackage(@TempDir Path noLibs) {
        String msg = GuiCommand.windowProblem(Map.of("DISPLAY", ":0")::get, "Linux", List.of(noLibs.toString()));
        assertTrue(msg.contains("libgtk-3.so.0 not found"), msg);
        assertTrue(msg.contains("apt-get install libgtk-3-0"), msg);
    }

    @Test
    void theGenlOptionsBecomeThePolicyOfEveryCaptureTheWindowOpens() {
        GuiCommand gui = new GuiCommand();
        new picocli.CommandLine(gui).parseArgs("--genl-family", "0x1c=ethtool", "--genl-family", "27=nl80211", "f.pcap");
        assertEquals(Map.of(0x1c, "ethtool", 27, "nl80211"), gui.genl.policy().userFamilies());
        assertFalse(gui.genl.policy().kernel() instanceof org.nlwb.capture.groups.KernelGenlFamilies);
        GuiCommand asking = new GuiCommand();
        new picocli.CommandLine(asking).parseArgs("--kernel-families");
        assertTrue(asking.genl.policy().kernel() instanceof org.nlwb.capture.groups.KernelGenlFamilies);
    }

    @Test
    void aMalformedGenlFamilyIsAUsageError() {
        assertEquals(2, new picocli.CommandLine(new GuiCommand()).execute("--genl-family", "ethtool"));
    }

    @Test
    void aDisplayAndGtkAreEnough(@TempDir Path libs) throws Exception {
        Files.createFile(libs.resolve("libgtk-3.so.0"));
        assertNull(GuiCommand.windowProblem(Map.of("WAYLAND_DISPLAY", "wayland-0")::get, "Linux",
                List.of(libs.toString())));
    }
}
