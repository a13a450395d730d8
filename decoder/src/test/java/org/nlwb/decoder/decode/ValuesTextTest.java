package org.nlwb.decoder.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.bytes.ByteView;

/**
 * The value texts made without the JDK's general formatters are the texts those formatters make:
 * IPv4 as {@code Inet4Address.getHostAddress}, a MAC as lower-case hex pairs with colons; and the
 * shared decimal texts are recognised by identity only.
 */
class ValuesTextTest {
    @Test
    void anIpv4AddressReadsAsInetAddressWritesIt() throws Exception {
        byte[][] addresses = {{10, 0, 0, 1}, {(byte) 192, (byte) 168, 1, (byte) 254}, {0, 0, 0, 0},
            {(byte) 255, (byte) 255, (byte) 255, (byte) 255}, {127, 0, 0, 1}};
        for (byte[] a : addresses) {
            String expected = InetAddress.getByAddress(a).getHostAddress();
            assertEquals(expected, Values.ipv4(ByteView.of(a)));
            assertEquals(expected, Values.address(ByteView.of(a)).display());
        }
    }

    @Test
    void aMacIsHexPairsWithColonsMadeOnceForValueAndDisplay() {
        ByteView p = ByteView.of(new byte[] {0x02, 0x00, (byte) 0xab, (byte) 0xcd, (byte) 0xef, 0x1f});
        assertEquals("02:00:ab:cd:ef:1f", Values.mac(p));
        Decoded d = Values.macValue(p);
        assertEquals("02:00:ab:cd:ef:1f", d.value());
        assertEquals(d.value(), d.display());
        assertEquals("", Values.mac(ByteView.of(new byte[0])));
        assertEquals("7f", Values.mac(ByteView.of(new byte[] {0x7f})));
    }

    @Test
    void aLongBinaryIsCutAfterItsFirstBytesWithItsLengthAsTheFormatterWroteIt() {
        for (int length : new int[] {1, 31, 32, 33, 64, 65, 128, 100, 999, 1000, 10_000}) {
            byte[] a = new byte[length];
            for (int i = 0; i < length; i++) {
                a[i] = (byte) (i * 37 + 5);
            }
            ByteView p = ByteView.of(a);
            for (int max : new int[] {32, 64}) {
                StringBuilder expected = new StringBuilder();
                for (int i = 0; i < Math.min(max, length); i++) {
                    expected.append(i == 0 ? "" : " ").append(String.format("%02x", a[i] & 0xff));
                }
                if (length > max) {
                    expected.append(" … (").append(length).append(" bytes)");
                }
                assertEquals(expected.toString(), Values.spacedHex(p, max), length + " bytes, at most " + max);
            }
        }
        assertEquals(" … (3 bytes)", Values.spacedHex(ByteView.of(new byte[3]), 0));
    }

    @Test
    void onlyTheSharedDecimalTextIsRecognised() {
        assertTrue(Values.isSharedDecimal(5, Values.decimal(5)));
        assertTrue(Values.isSharedDecimal(1023, Values.decimal(1023)));
        assertFalse(Values.isSharedDecimal(5, new String("5")), "an equal text made elsewhere");
        assertFalse(Values.isSharedDecimal(5, Values.decimal(6)));
        assertFalse(Values.isSharedDecimal(1024, Values.decimal(1024)), "past the shared texts");
        assertFalse(Values.isSharedDecimal(-1, Values.decimal(-1)));
    }
}
