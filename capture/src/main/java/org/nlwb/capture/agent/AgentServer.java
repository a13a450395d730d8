package org.nlwb.capture.agent;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.nlwb.capture.socket.ChannelOptions;
import org.nlwb.capture.socket.Datagram;
import org.nlwb.capture.socket.NetlinkSocket;
import org.nlwb.capture.socket.Overrun;
import org.nlwb.capture.socket.Received;
import org.nlwb.capture.sys.SysException;

/**
 * The agent's side of {@link AgentWire}: opens sockets in the agent's namespace, sends on them
 * and forwards every datagram they receive. One thread (the caller of {@link #serve}) reads
 * requests; each socket has a reader thread that forwards what arrives.
 *
 * <p>A socket's lock is held while a datagram is taken from it and forwarded, so a SEND or
 * DRAIN that takes the lock after the kernel queued something knows it is either forwarded
 * already or still in the socket for it to forward: nothing is reordered past the DONE.
 */
final class AgentServer {
    /** How long a reader waits in one receive before it looks at its socket's state again. */
    private static final int READ_SLICE_MS = 25;

    private final DataInputStream in;
    private final AgentWire.Output out;
    private final Map<Integer, Open> sockets = new HashMap<>(); // the serving thread's alone
    private int nextHandle = 1;

    /** An open socket, its lock and its reader. */
    private static final class Open {
        final int handle;
        final NetlinkSocket socket;
        final ReentrantLock lock = new ReentrantLock(true); // fair: a SEND is never starved by the reader
        volatile boolean closed;

        Open(int handle, NetlinkSocket socket) {
            this.handle = handle;
            this.socket = socket;
        }
    }

    AgentServer(DataInputStream in, AgentWire.Output out) {
        this.in = in;
        this.out = out;
    }

    /** Serves until the parent closes the agent's stdin (or dies), then closes every socket. */
    void serve() throws IOException {
        try {
            AgentWire.Frame f;
            while ((f = AgentWire.read(in)) != null) {
                handle(f);
            }
        } finally {
            for (Open o : sockets.values()) {
                o.closed = true;
                o.socket.close();
            }
        }
    }

    private void handle(AgentWire.Frame f) throws IOException {
        var fields = f.fields();
        int id = fields.readInt();
        try {
            switch (f.type()) {
                case AgentWire.OPEN -> {
                    int protocol = fields.readInt();
                    boolean extAck = fields.readBoolean();
                    boolean capAck = fields.readBoolean();
                    int n = fields.readInt();
                    List<Integer> groups = new ArrayList<>();
                    for (int i = 0; i < n && i < 4096; i++) {
                        groups.add(fields.readInt());
                    }
                    open(id, new ChannelOptions(protocol, groups, extAck, capAck));
                }
                case AgentWire.SEND -> {
                    Open o = socket(fields.readInt());
                    byte[] datagram = new byte[fields.readInt()];
                    fields.readFully(datagram);
                    o.socket.send(datagram);
                    drainThenDone(id, o);
                }
                case AgentWire.DRAIN -> drainThenDone(id, socket(fields.readInt()));
                case AgentWire.CLOSE -> close(id, fields.readInt());
                default -> throw new IOException("unknown request type " + f.type());
            }
        } catch (SysException e) {
            out.write(AgentWire.FAILED, w -> {
                w.writeInt(id);
                w.writeInt(e.errno());
                w.writeUTF(AgentWire.text(e.operation()));
                w.writeUTF(AgentWire.text(e.capability()));
            });
        } catch (IOException | RuntimeException e) {
            out.write(AgentWire.FAILED, w -> {
                w.writeInt(id);
                w.writeInt(0);
                w.writeUTF(AgentWire.text(e.getMessage() != null ? e.getMessage() : e.toString()));
                w.writeUTF("");
            });
        }
    }

    private Open socket(int handle) throws IOException {
        Open o = sockets.get(handle);
        if (o == null) {
            throw new IOException("no socket " + handle + " in the agent");
        }
        return o;
    }

    private void open(int id, ChannelOptions options) throws IOException {
        NetlinkSocket s = options.applyTo(NetlinkSocket.open(options.protocol()));
        int handle = nextHandle++;
        Open o = new Open(handle, s);
        sockets.put(handle, o);
        Thread reader = new Thread(() -> forwardAll(o), "agent-reader-" + handle);
        reader.setDaemon(true);
        reader.start();
        out.write(AgentWire.OPENED, w -> {
            w.writeInt(id);
            w.writeInt(handle);
            w.writeInt(s.portId());
        });
    }

    private void drainThenDone(int id, Open o) throws IOException {
        o.lock.lock();
        try {
            for (Received r : o.socket.drain()) {
                forward(o, r);
            }
        } finally {
            o.lock.unlock();
        }
        out.write(AgentWire.DONE, w -> w.writeInt(id));
    }

    private void close(int id, int handle) throws IOException {
        Open o = sockets.remove(handle);
        if (o != null) {
            o.closed = true;
            o.lock.lock();
            try {
                o.socket.close();
            } finally {
                o.lock.unlock();
            }
        }
        out.write(AgentWire.DONE, w -> w.writeInt(id));
    }

    /** The reader of one socket: forwards each datagram until the socket is closed. */
    private void forwardAll(Open o) {
        try {
            while (!o.closed) {
                o.lock.lock();
                try {
                    if (o.closed) {
                        return;
                    }
                    Received r = o.socket.receive(READ_SLICE_MS);
                    if (r != null) {
                        forward(o, r);
                    }
                } finally {
                    o.lock.unlock();
                }
            }
        } catch (IOException e) {
            if (!o.closed) {
                try {
                    out.write(AgentWire.BROKEN, w -> {
                        w.writeInt(o.handle);
                        w.writeUTF(AgentWire.text(e.getMessage()));
                    });
                } catch (IOException gone) {
                    // the parent is gone; serve() ends at the end of stdin
                }
            }
        }
    }

    private void forward(Open o, Received r) throws IOException {
        int handle = o.handle;
        if (r instanceof Datagram d) {
            out.write(AgentWire.DATAGRAM, w -> {
                w.writeInt(handle);
                w.writeLong(d.timeNanos());
                w.writeInt(d.senderPort());
                w.writeInt(d.groups());
                w.writeInt(d.nsid());
                w.writeInt(d.bytes().length);
                w.write(d.bytes());
            });
        } else if (r instanceof Overrun v) {
            out.write(AgentWire.OVERRUN, w -> {
                w.writeInt(handle);
                w.writeLong(v.timeNanos());
                w.writeInt(v.receiveBuffer());
            });
        }
    }
}
