package org.nlwb.decoder.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** Record times read as the DateTimeFormatter the text tree used to call wrote them. */
class TimeTextTest {
    private static final DateTimeFormatter FORMATTER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    @Test
    void timesFromTheEpochToTheLastNanosecondReadAsTheFormatterWritesThem() {
        long[] times = {0, 1, 999, 1000, 999_999_999, 1_000_000_000, 1_764_614_823_000_037_000L,
            1_764_614_823_999_999_999L, 1_764_614_824_000_000_001L, 951_782_400_000_000_000L, Long.MAX_VALUE};
        TimeText time = new TimeText();
        for (int round = 0; round < 2; round++) { // the second round goes through the kept seconds too
            for (long t : times) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                TextBytes bytes = new TextBytes(out, 64);
                time.write(bytes, t);
                bytes.flush();
                assertEquals(FORMATTER.format(Instant.ofEpochSecond(0, t)), out.toString(StandardCharsets.US_ASCII),
                        "nanos " + t);
            }
        }
    }
}
