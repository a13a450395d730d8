package org.nlwb.decoder.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A lazily made value is made once, for every thread, and a failure is not retried. */
class OnceTest {

    @Test
    void threadsAskingTogetherGetOneValueMadeOnce() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Once<Object> once = Once.of(() -> {
            made.incrementAndGet();
            return new Object();
        });
        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                seen.add(once.get());
            });
            t.start();
            threads.add(t);
        }
        assertFalse(once.isDone(), "nothing is made before it is asked for");
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, made.get());
        assertEquals(8, seen.size());
        seen.forEach(v -> assertSame(seen.get(0), v));
        assertTrue(once.isDone());
    }

    @Test
    void aFailedMakingIsThrownAgainWithoutMakingAgain() {
        AtomicInteger tries = new AtomicInteger();
        Once<String> once = Once.of(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("spec does not parse");
        });
        IllegalStateException first = assertThrows(IllegalStateException.class, once::get);
        IllegalStateException second = assertThrows(IllegalStateException.class, once::get);
        assertSame(first, second);
        assertEquals(1, tries.get());
        assertTrue(once.isDone());
    }

    @Test
    void aRegistryListsALazyClassByNameWithoutMakingIt() {
        AtomicInteger made = new AtomicInteger();
        MessageClass cls = new MessageClass() {
            @Override
            public String name() {
                return "lazy";
            }

            @Override
            public String typeName(MessageContext msg) {
                return null;
            }

            @Override
            public List<org.nlwb.decoder.tree.Node> decodeBody(MessageContext msg, org.nlwb.decoder.bytes.ByteView body,
                                                               org.nlwb.decoder.decode.DecodeScope scope) {
                return List.of();
            }
        };
        Registry r = Registry.builder().add("lazy", () -> {
            made.incrementAndGet();
            return cls;
        }).build();
        assertEquals(java.util.Set.of("lazy"), r.classNames());
        assertEquals(0, made.get(), "listing names makes nothing");
        assertSame(cls, r.byName("lazy").orElseThrow());
        assertSame(cls, r.classes().iterator().next());
        assertEquals(1, made.get());
    }
}
