package org.nlwb.capture.agent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nlwb.capture.socket.Loopback;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.decoder.model.Protocol;

/**
 * The namespace agent's entry point, run by {@link NamespaceAgent} as
 * {@code unshare [--user --map-root-user] --net java -cp ... AgentMain}: it is born inside its
 * namespace (a JVM is multi-threaded and so can never unshare or setns into a user namespace
 * itself), brings {@code lo} up, says HELLO and serves {@link AgentWire} until its stdin ends.
 * It then halts, and with it goes the namespace: nothing else holds it, so a parent killed by
 * SIGKILL leaves nothing behind.
 *
 * <p>Stdout carries only frames: {@code System.out} is pointed at stderr before anything runs.
 */
public final class AgentMain {
    private AgentMain() {
    }

    public static void main(String[] args) {
        AgentWire.Output out = new AgentWire.Output(new DataOutputStream(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out))));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        int status = 0;
        try {
            try (NetlinkSocket route = NetlinkSocket.open(Protocol.ROUTE)) {
                Loopback.up(route);
            }
            out.write(AgentWire.HELLO, w -> {
                w.writeLong(ProcessHandle.current().pid());
                w.writeUTF(namespace("net"));
                w.writeUTF(namespace("user"));
            });
            new AgentServer(in, out).serve();
        } catch (Throwable e) { // anything, a missing native library included, must reach the parent as words
            status = 1;
            try {
                out.write(AgentWire.FATAL, w -> w.writeUTF(AgentWire.text(e.getMessage() != null ? e.getMessage()
                        : e.toString())));
            } catch (IOException gone) {
                // the parent is gone: nobody to tell
            }
        }
        Runtime.getRuntime().halt(status);
    }

    /** {@code net:[4026532...]}: which namespace of {@code kind} this process is in. */
    static String namespace(String kind) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/ns", kind)).toString();
        } catch (IOException e) {
            return "?";
        }
    }
}
