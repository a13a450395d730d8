package org.nlwb.capture.agent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.nlwb.capture.socket.ChannelOptions;
import org.nlwb.capture.socket.Datagram;
import org.nlwb.capture.socket.NetlinkChannel;
import org.nlwb.capture.socket.Overrun;
import org.nlwb.capture.sys.Sys;
import org.nlwb.capture.sys.SysException;

/**
 * A throwaway network namespace held by a child process, the agent ({@link AgentMain}), and
 * netlink sockets opened in it on request. For a non-root user it is a user + network
 * namespace as {@code unshare -rn} makes it, so sending needs no privilege; as root a plain
 * {@code unshare --net} is enough.
 *
 * <pre>{@code
 * try (NamespaceAgent agent = NamespaceAgent.start();
 *      NetlinkChannel route = agent.open(ChannelOptions.requests(Protocol.ROUTE))) {
 *     route.send(request);
 *     List<Received> answer = route.drain();
 * }
 * }</pre>
 *
 * <p>Why a process that serves sockets rather than one that passes their descriptors back
 * (SCM_RIGHTS): the namespace then lives exactly as long as the agent, which ends when its
 * stdin does, so neither {@link #close} nor a SIGKILL of this JVM can leave it behind; and it
 * needs no native code beyond the sockets themselves. The cost is one pipe copy per datagram.
 *
 * <p>The namespace has no name under {@code /var/run/netns}; {@link #enterCommand} says how to
 * look into it ({@code nsenter --target PID --user --net ip link}).
 */
public final class NamespaceAgent implements AutoCloseable {
    private static final int START_TIMEOUT_S = 60;
    private static final int CALL_TIMEOUT_S = 60;

    private final Process process;
    private final AgentLaunch launch;
    private final AgentWire.Output out;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<AgentWire.Frame>> pending = new ConcurrentHashMap<>();
    private final Map<Integer, AgentChannel> channels = new ConcurrentHashMap<>();
    private final CompletableFuture<AgentWire.Frame> hello = new CompletableFuture<>();
    private final StderrTail stderr;
    private volatile IOException death;
    private volatile String netns = "?";
    private volatile boolean closed;

    private NamespaceAgent(Process process, AgentLaunch launch) {
        this.process = process;
        this.launch = launch;
        this.out = new AgentWire.Output(new DataOutputStream(new BufferedOutputStream(process.getOutputStream())));
        this.stderr = new StderrTail(process.getErrorStream(), "nlwb-agent-stderr-" + process.pid());
        Thread reader = new Thread(this::readFrames, "nlwb-agent-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts an agent: with a user namespace unless this JVM runs as root. */
    public static NamespaceAgent start() throws IOException {
        return start(!Sys.isRoot());
    }

    /**
     * Starts an agent and waits until its namespace is ready ({@code lo} up).
     *
     * @param userNamespace make a user namespace too (needed without root; works as root as well)
     * @throws IOException naming what is missing when the kernel refuses: the sysctl, AppArmor,
     *                     CAP_SYS_ADMIN, or the {@code unshare} command itself
     */
    public static NamespaceAgent start(boolean userNamespace) throws IOException {
        return start(AgentLaunch.of(userNamespace), new UserNamespaceSupport());
    }

    static NamespaceAgent start(AgentLaunch launch, UserNamespaceSupport support) throws IOException {
        String refused = "cannot make a throwaway namespace with " + launch.unshareCommand() + ": ";
        if (launch.userNamespace() && !launch.root()) {
            var refusal = support.refusal();
            if (refusal.isPresent()) {
                throw new IOException(refused + refusal.get());
            }
        }
        Process p;
        try {
            p = new ProcessBuilder(launch.command()).start();
        } catch (IOException e) {
            throw new IOException(refused + "cannot run " + launch.unshare().get(0) + " (it comes with util-linux): "
                    + e.getMessage(), e);
        }
        NamespaceAgent agent = new NamespaceAgent(p, launch);
        try {
            agent.awaitHello(refused, support);
            return agent;
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw e;
        }
    }

    private void awaitHello(String refused, UserNamespaceSupport support) throws IOException {
        AgentWire.Frame h;
        try {
            h = hello.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IOException("the namespace agent (pid " + process.pid() + ") was not ready within " + START_TIMEOUT_S
                    + " s" + stderr.note());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the namespace agent started");
        } catch (ExecutionException e) {
            throw startFailure(refused, support, e.getCause());
        }
        var fields = h.fields();
        fields.readLong();
        netns = fields.readUTF();
        String own = AgentMain.namespace("net");
        if (netns.equals(own)) {
            throw new IOException("the namespace agent is in nlwb's own network namespace (" + own + "); refusing to use it");
        }
    }

    /** Why the agent ended before HELLO: its FATAL message, or unshare's failure explained. */
    private IOException startFailure(String refused, UserNamespaceSupport support, Throwable cause) {
        if (cause instanceof AgentFatal f) {
            return new IOException("the namespace agent could not start: " + f.getMessage());
        }
        int exit;
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            exit = process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = -1;
        }
        String err = stderr.awaitEnd(2000);
        boolean unshareFailed = err.startsWith("unshare:") || err.contains("\nunshare:");
        if (!unshareFailed) {
            return new IOException("the namespace agent exited before it was ready (exit " + exit + ")" + stderr.note());
        }
        String why = launch.userNamespace() && !launch.root() ? support.explain(err)
                : "making a network namespace needs CAP_SYS_ADMIN";
        return new IOException(refused + err + " (exit " + exit + "); " + why);
    }

    /** The agent's process id. */
    public long pid() {
        return process.pid();
    }

    /** Which namespace the agent is in, {@code net:[4026532...]}. */
    public String netns() {
        return netns;
    }

    public boolean userNamespace() {
        return launch.userNamespace();
    }

    public boolean alive() {
        return death == null && process.isAlive();
    }

    /** How to look inside from a shell: {@code nsenter --target PID --user --net} (then a command). */
    public String enterCommand() {
        return "nsenter --target " + pid() + (userNamespace() ? " --user --preserve-credentials" : "") + " --net";
    }

    /** {@code unprivileged throwaway namespace (user + network, agent pid 4711)}. */
    public String describe() {
        return (userNamespace() ? "unprivileged throwaway namespace (user + network" : "throwaway namespace (network")
                + ", agent pid " + pid() + ")";
    }

    /** Opens a netlink socket inside the agent's namespace. */
    public NetlinkChannel open(ChannelOptions o) throws IOException {
        AgentWire.Frame r = call(AgentWire.OPEN, w -> {
            w.writeInt(o.protocol());
            w.writeBoolean(o.extAck());
            w.writeBoolean(o.capAck());
            w.writeInt(o.groups().size());
            for (int g : o.groups()) {
                w.writeInt(g);
            }
        });
        var fields = r.fields();
        fields.readInt();
        AgentChannel c = new AgentChannel(this, fields.readInt(), o.protocol(), fields.readInt());
        channels.put(c.handle(), c);
        return c;
    }

    void send(int handle, byte[] datagram) throws IOException {
        call(AgentWire.SEND, w -> {
            w.writeInt(handle);
            w.writeInt(datagram.length);
            w.write(datagram);
        });
    }

    void drain(int handle) throws IOException {
        call(AgentWire.DRAIN, w -> w.writeInt(handle));
    }

    void closeChannel(AgentChannel c) {
        channels.remove(c.handle());
        if (alive() && !closed) {
            try {
                call(AgentWire.CLOSE, w -> w.writeInt(c.handle()));
            } catch (IOException e) {
                // the agent is going; its sockets go with it
            }
        }
    }

    /** Sends a request and waits for its DONE/OPENED; FAILED becomes the exception it names. */
    private AgentWire.Frame call(byte type, AgentWire.Fields fields) throws IOException {
        IOException dead = death;
        if (dead != null) {
            throw dead;
        }
        int id = nextId.incrementAndGet();
        CompletableFuture<AgentWire.Frame> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            out.write(type, w -> {
                w.writeInt(id);
                fields.write(w);
            });
            AgentWire.Frame r = answer.get(CALL_TIMEOUT_S, TimeUnit.SECONDS);
            if (r.type() == AgentWire.FAILED) {
                throw failed(r);
            }
            return r;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the namespace agent (pid " + pid() + ") did not answer within " + CALL_TIMEOUT_S + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the namespace agent");
        } catch (IOException e) {
            throw death != null ? death : e;
        } finally {
            pending.remove(id);
        }
    }

    private static IOException failed(AgentWire.Frame r) throws IOException {
        var f = r.fields();
        f.readInt();
        int errno = f.readInt();
        String operation = f.readUTF();
        String capability = f.readUTF();
        return errno > 0 ? new SysException(operation + " (in the namespace agent)", errno,
                capability.isEmpty() ? null : capability) : new IOException("the namespace agent: " + operation);
    }

    /** The reader of the agent's stdout: answers to calls, datagrams to their channels. */
    private void readFrames() {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
            AgentWire.Frame f;
            while ((f = AgentWire.read(in)) != null) {
                dispatch(f);
            }
            died(null);
        } catch (IOException | RuntimeException e) {
            died(e);
        }
    }

    private void dispatch(AgentWire.Frame f) throws IOException {
        var fields = f.fields();
        switch (f.type()) {
            case AgentWire.HELLO -> hello.complete(f);
            case AgentWire.FATAL -> hello.completeExceptionally(new AgentFatal(fields.readUTF()));
            case AgentWire.OPENED, AgentWire.DONE, AgentWire.FAILED -> {
                CompletableFuture<AgentWire.Frame> p = pending.get(fields.readInt());
                if (p != null) {
                    p.complete(f);
                }
            }
            case AgentWire.DATAGRAM -> {
                AgentChannel c = channels.get(fields.readInt());
                long time = fields.readLong();
                int sender = fields.readInt();
                int groups = fields.readInt();
                int nsid = fields.readInt();
                byte[] bytes = new byte[fields.readInt()];
                fields.readFully(bytes);
                if (c != null) {
                    c.deliver(new Datagram(bytes, time, sender, groups, nsid));
                }
            }
            case AgentWire.OVERRUN -> {
                AgentChannel c = channels.get(fields.readInt());
                Overrun o = new Overrun(fields.readLong(), fields.readInt());
                if (c != null) {
                    c.deliver(o);
                }
            }
            case AgentWire.BROKEN -> {
                AgentChannel c = channels.get(fields.readInt());
                if (c != null) {
                    c.fail(new IOException("the namespace agent's socket failed: " + fields.readUTF()));
                }
            }
            default -> throw new IOException("the namespace agent sent an unknown frame type " + f.type());
        }
    }

    /** The agent's stdout ended: every waiting call and channel learns why. */
    private void died(Exception cause) {
        String why = closed ? "the namespace agent (pid " + pid() + ") was closed"
                : "the namespace agent (pid " + pid() + ") ended; its namespace is gone"
                + (cause != null ? " (" + cause.getMessage() + ")" : "") + stderr.note();
        IOException e = new IOException(why);
        death = e;
        hello.completeExceptionally(e);
        pending.values().forEach(p -> p.completeExceptionally(e));
        channels.values().forEach(c -> c.fail(e));
    }

    /**
     * Ends the agent, and with it the namespace and every channel: closes its stdin (it halts at
     * the end of stdin) and waits for it, killing it after 5 s.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        for (AgentChannel c : List.copyOf(channels.values())) {
            c.fail(new IOException("the namespace agent (pid " + pid() + ") was closed"));
        }
    }

    /** The agent's own account of why it could not start. */
    private static final class AgentFatal extends IOException {
        private static final long serialVersionUID = 1L;

        AgentFatal(String message) {
            super(message);
        }
    }
}
