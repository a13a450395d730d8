package org.nlwb.capture.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.capture.sys.Sys;

/**
 * The command line that starts an agent: {@code unshare} with the namespaces to make, then this
 * JVM's own {@code java} and class path running {@link AgentMain}, kept small (serial GC, C1,
 * 64 MB heap, no perf-data file).
 *
 * @param unshare       the namespace-making prefix, {@code unshare --user --map-root-user --net}
 *                      or {@code unshare --net}
 * @param userNamespace whether the prefix makes a user namespace (the agent then runs as the
 *                      namespace's root, mapped to the caller's uid)
 * @param root          whether the caller is root (a refusal then means a missing CAP_SYS_ADMIN,
 *                      not a user-namespace setting)
 * @param java          the java launcher
 * @param classPath     a class path holding nlwb's capture and decoder classes and jnr-ffi
 */
record AgentLaunch(List<String> unshare, boolean userNamespace, boolean root, String java, String classPath) {
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xmx64m", "-Xss512k", "-XX:-UsePerfData");

    AgentLaunch {
        unshare = List.copyOf(unshare);
    }

    /** The agent of this JVM, with or without a user namespace. */
    static AgentLaunch of(boolean userNamespace) {
        List<String> unshare = userNamespace ? List.of("unshare", "--user", "--map-root-user", "--net")
                : List.of("unshare", "--net");
        return new AgentLaunch(unshare, userNamespace, Sys.isRoot(), javaLauncher(), System.getProperty("java.class.path"));
    }

    /** The same launch with another namespace-making prefix, as root or not (tests give a failing one). */
    AgentLaunch withUnshare(List<String> prefix, boolean asRoot) {
        return new AgentLaunch(prefix, userNamespace, asRoot, java, classPath);
    }

    List<String> command() {
        List<String> c = new ArrayList<>(unshare);
        c.add(java);
        c.addAll(JVM_OPTIONS);
        c.add("-cp");
        c.add(classPath);
        c.add(AgentMain.class.getName());
        return c;
    }

    /** {@code unshare --user --map-root-user --net}, as the message quotes it. */
    String unshareCommand() {
        return String.join(" ", unshare);
    }

    private static String javaLauncher() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("/java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
