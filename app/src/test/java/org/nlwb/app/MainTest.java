package org.nlwb.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nlwb.app.cli.NlwbCommand;

/** Which arguments open the window and which run a command. */
class MainTest {
    private static String[] run(String... args) {
        return Main.arguments(NlwbCommand.commandLineFor(args), args); // as Main builds it
    }

    @Test
    void theWindowsOwnOptionsOpenTheWindow() {
        assertArrayEquals(new String[] {"gui", "--genl-family", "0x1c=ethtool", "--kernel-families", "f.pcap"},
                run("--genl-family", "0x1c=ethtool", "--kernel-families", "f.pcap"));
        assertArrayEquals(new String[] {"gui", "--genl-family=0x1c=ethtool"}, run("--genl-family=0x1c=ethtool"));
        assertArrayEquals(new String[] {"gui", "--spec-dir", "d"}, run("--spec-dir", "d"));
        assertArrayEquals(new String[] {"gui", "f.pcap"}, run("f.pcap"));
        assertArrayEquals(new String[] {"gui"}, run());
    }

    @Test
    void subcommandsAndOtherOptionsRunTheCommandLine() {
        assertArrayEquals(new String[] {"decode", "--genl-family", "0x1c=ethtool", "f"},
                run("decode", "--genl-family", "0x1c=ethtool", "f"));
        assertArrayEquals(new String[] {"--version"}, run("--version"));
        assertArrayEquals(new String[] {"--no-such-option"}, run("--no-such-option"));
    }
}
