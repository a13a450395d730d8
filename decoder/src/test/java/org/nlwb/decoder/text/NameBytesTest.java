package org.nlwb.decoder.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The kept bytes of a name are its UTF-8, whether the instance was met before, is new, or took another's slot. */
class NameBytesTest {
    @Test
    void aNameMetAgainIsTheSameBytesAndAnEqualNewInstanceTheSameText() {
        NameBytes names = new NameBytes();
        String name = "IFLA_IFNAME";
        byte[] first = names.of(name);
        assertSame(first, names.of(name));
        assertArrayEquals(first, names.of(new String("IFLA_IFNAME".toCharArray())));
        assertArrayEquals("IFLA_IFNAME".getBytes(StandardCharsets.UTF_8), names.of(name));
    }

    @Test
    void namesBeyondAsciiAndNamesSharingASlotAreEachTheirOwnUtf8() {
        NameBytes names = new NameBytes();
        String[] all = new String[5000];
        for (int i = 0; i < all.length; i++) {
            all[i] = (i % 3 == 0 ? "größe×" : "link-attrs[") + i + (i % 7 == 0 ? "\uD83D\uDE00" : "]");
        }
        for (int round = 0; round < 2; round++) {
            for (String s : all) {
                assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), names.of(s), s);
            }
        }
    }
}
