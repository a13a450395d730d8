package org.nlwb.capture.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JVM started on the test class path running a test's {@code main}, its output read by line. */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private ChildJvm(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** {@code java -cp <the test class path> main args...}, stderr to this JVM's stderr. */
    public static ChildJvm start(Class<?> main, String... args) throws IOException {
        return start(List.of(), classPath(), main, args);
    }

    /** As {@link #start(Class, String...)} with {@code prefix} in front (setpriv ...) and a given class path. */
    public static ChildJvm start(List<String> prefix, String classPath, Class<?> main, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    /** The class path of this JVM as a list of real entries (surefire's, not its booter jar). */
    public static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isEmpty() ? cp : System.getProperty("java.class.path");
    }

    public Process process() {
        return process;
    }

    /** The next line the child printed, or null when it ended. */
    public String readLine() throws IOException {
        return out.readLine();
    }

    /** Everything the child prints until it ends. */
    public String readRest() throws IOException {
        StringBuilder sb = new StringBuilder();
        String l;
        while ((l = out.readLine()) != null) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
