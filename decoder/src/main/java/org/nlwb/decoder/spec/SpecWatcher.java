package org.nlwb.decoder.spec;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nlwb.decoder.registry.Registry;

/**
 * Reloads a {@link SpecLibrary} when a spec file in one of its directories is added, changed or
 * removed, and hands the new registry to a listener (the window swaps it in). Events are
 * gathered until the folder has been quiet for {@value #QUIET_MS} ms, so an editor's save
 * (write, rename, touch) causes one reload. The listener runs on the watcher's daemon thread.
 * Directories that do not exist when the watcher starts are not watched.
 */
public final class SpecWatcher implements AutoCloseable {
    static final long QUIET_MS = 200;

    private final WatchService watch;
    private final Thread thread;

    private SpecWatcher(WatchService watch, Thread thread) {
        this.watch = watch;
        this.thread = thread;
    }

    /** Starts watching {@code library}'s directories; {@code onReload} gets each new registry. */
    public static SpecWatcher start(SpecLibrary library, Consumer<Registry> onReload) throws IOException {
        Objects.requireNonNull(onReload, "onReload");
        WatchService ws = FileSystems.getDefault().newWatchService();
        for (Path d : library.directories()) {
            if (Files.isDirectory(d)) {
                d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        Thread t = new Thread(() -> loop(ws, library, onReload), "nlwb-spec-watcher");
        t.setDaemon(true);
        SpecWatcher w = new SpecWatcher(ws, t);
        t.start();
        return w;
    }

    private static void loop(WatchService ws, SpecLibrary library, Consumer<Registry> onReload) {
        try {
            while (true) {
                boolean relevant = drain(ws.take());
                WatchKey more;
                while ((more = ws.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    onReload.accept(library.reload());
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closed: the watcher's work is done
        }
    }

    private static boolean drain(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> e : key.pollEvents()) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
            } else if (e.context() instanceof Path p) {
                String n = p.getFileName().toString();
                relevant |= n.endsWith(".yaml") || n.endsWith(".yml");
            }
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
