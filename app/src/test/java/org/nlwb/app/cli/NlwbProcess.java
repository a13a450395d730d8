package org.nlwb.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code nlwb ...} run as a separate JVM on the test class path, its output collected line by line. */
final class NlwbProcess implements AutoCloseable {
    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();

    private NlwbProcess(Process p) {
        this.process = p;
        collect(p.getInputStream(), out);
        collect(p.getErrorStream(), err);
    }

    /** Runs {@code prefix} (e.g. setpriv ...) then java nlwb {@code args}. */
    static NlwbProcess start(List<String> prefix, String... args) throws IOException {
        return start(prefix, System.getProperty("java.class.path"), null, args);
    }

    /** As {@link #start(List, String...)} on {@code classPath}, in {@code dir} (null: this JVM's). */
    static NlwbProcess start(List<String> prefix, String classPath, Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("-cp", classPath, "org.nlwb.app.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        return new NlwbProcess(pb.start());
    }

    static NlwbProcess start(String... args) throws IOException {
        return start(List.of(), args);
    }

    private static void collect(java.io.InputStream in, List<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // process gone
            }
        });
        t.setDaemon(true);
        t.start();
    }

    /** Waits until a stderr line contains {@code text}; false on timeout or exit. */
    boolean awaitErr(String text, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (err.stream().anyMatch(l -> l.contains(text))) {
                return true;
            }
            if (!process.isAlive()) {
                Thread.sleep(100);
                return err.stream().anyMatch(l -> l.contains(text));
            }
            Thread.sleep(20);
        }
        return false;
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("nlwb still running after " + seconds + " s; stderr: " + err);
        }
        Thread.sleep(100); // let the collectors drain
        return process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
