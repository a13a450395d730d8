package org.nlwb.app.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The collector's pauses of this JVM as they end, each with when it was reported (nanoTime), so a
 * bench can count those within a stretch of time. Concurrent cycles (G1's marking) stop no thread
 * and are left out; what G1 reports as a young or mixed collection, or a full one, stops every
 * Java thread, the FX thread too.
 */
final class GcPauses {
    /** A pause of {@code millis} reported at {@code at} (nanoTime). */
    record Pause(long at, long millis, String cause) {
    }

    private final List<Pause> pauses = Collections.synchronizedList(new ArrayList<>());

    GcPauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e && !gc.getName().contains("Concurrent")) {
                e.addNotificationListener((n, hb) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                        GarbageCollectionNotificationInfo i = GarbageCollectionNotificationInfo
                                .from((CompositeData) n.getUserData());
                        pauses.add(new Pause(System.nanoTime(), i.getGcInfo().getDuration(), i.getGcCause()));
                    }
                }, null, null);
            }
        }
    }

    /** "N pauses, T ms in all, the longest M ms" between {@code from} and {@code to} (nanoTimes). */
    String report(long from, long to) {
        List<Pause> in = new ArrayList<>();
        synchronized (pauses) {
            for (Pause p : pauses) {
                if (p.at() >= from && p.at() < to) {
                    in.add(p);
                }
            }
        }
        long total = in.stream().mapToLong(Pause::millis).sum();
        long max = in.stream().mapToLong(Pause::millis).max().orElse(0);
        double seconds = Math.max(1e-9, (to - from) / 1e9);
        return String.format("%d pauses (%.1f/s), %d ms in all, the longest %d ms", in.size(), in.size() / seconds, total,
                max);
    }
}
