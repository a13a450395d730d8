package org.nlwb.app.ui.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.encode.Request;
import org.nlwb.decoder.ynl.Family;

/**
 * What one composer tab sends: one message or a batch of them (one datagram), described by
 * spec ({@link ComposedMessage}s), or — in raw mode — bytes exactly as typed, malformed or not.
 * Switching to raw mode starts from the described messages' bytes. FX thread only.
 */
public final class Composition {
    private final List<ComposedMessage> messages = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private byte[] raw;
    private int rawProtocol;
    private String rawFamily;
    private boolean fixUp = true;

    public Composition(List<Request> requests) {
        load(requests);
    }

    /** Replaces the messages with {@code requests}; leaves raw mode. */
    public void load(List<Request> requests) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a composition holds at least one message");
        }
        messages.clear();
        requests.forEach(r -> {
            ComposedMessage m = ComposedMessage.of(r);
            m.addListener(this::changed);
            messages.add(m);
        });
        raw = null;
        changed();
    }

    /** Raw bytes to send as they are (protocol number, and the spec family if known, for decoding). */
    public void loadRaw(int protocol, String family, byte[] bytes) {
        rawProtocol = protocol;
        rawFamily = family;
        raw = bytes.clone();
        changed();
    }

    public List<ComposedMessage> messages() {
        return List.copyOf(messages);
    }

    public ComposedMessage first() {
        return messages.get(0);
    }

    /** Adds a message after the last one (a batch); returns it. */
    public ComposedMessage add(Request r) {
        ComposedMessage m = ComposedMessage.of(r);
        m.addListener(this::changed);
        messages.add(m);
        changed();
        return m;
    }

    public void remove(ComposedMessage m) {
        if (messages.size() > 1 && messages.remove(m)) {
            changed();
        }
    }

    public boolean isRaw() {
        return raw != null;
    }

    /** The raw bytes (raw mode), or null. */
    public byte[] raw() {
        return raw == null ? null : raw.clone();
    }

    /** Leaves raw mode: the described messages are sent again. */
    public void leaveRaw() {
        raw = null;
        changed();
    }

    /** Whether the sender rewrites nlmsg_seq and nlmsg_pid of each message (replays: yes). */
    public boolean fixUp() {
        return fixUp;
    }

    public void setFixUp(boolean on) {
        fixUp = on;
    }

    /** The netlink protocol number the datagram goes to. */
    public int protocol(MessageEncoder encoder) throws EncodeException {
        return raw != null ? rawProtocol : family(encoder).protocol();
    }

    /** As {@link #protocol}, 0 when the family is unknown (raw bytes of no spec family). */
    public int protocolOrZero(MessageEncoder encoder) {
        try {
            return protocol(encoder);
        } catch (EncodeException e) {
            return 0;
        }
    }

    /** The spec family of the (first) message, or of the raw bytes when known, else null. */
    public String familyName() {
        return raw != null ? rawFamily : first().family();
    }

    public Family family(MessageEncoder encoder) throws EncodeException {
        return encoder.family(first().family());
    }

    /** The first problem any message has ({@code message 2: name: ...}), or empty. */
    public Optional<String> problem(MessageEncoder encoder) {
        if (raw != null) {
            return raw.length < 16 ? Optional.of("raw: " + raw.length + " bytes, shorter than an nlmsghdr (sent anyway)")
                    : Optional.empty();
        }
        for (int i = 0; i < messages.size(); i++) {
            Optional<String> p = messages.get(i).problem(encoder);
            if (p.isPresent()) {
                return Optional.of(messages.size() == 1 ? p.get() : "message " + (i + 1) + ": " + p.get());
            }
        }
        return Optional.empty();
    }

    /** The messages' bytes, each as its own array (the sender pads them into one datagram). */
    public List<byte[]> encode(MessageEncoder encoder, ToIntFunction<String> genlId) throws EncodeException {
        if (raw != null) {
            return List.of(raw.clone());
        }
        List<byte[]> out = new ArrayList<>();
        for (ComposedMessage m : messages) {
            out.add(m.encode(encoder, genlId));
        }
        return out;
    }

    /** The datagram as one array, each message padded to 4 bytes (what raw mode starts from). */
    public byte[] datagram(MessageEncoder encoder, ToIntFunction<String> genlId) throws EncodeException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (byte[] m : encode(encoder, genlId)) {
            b.writeBytes(m);
            b.writeBytes(new byte[(4 - m.length % 4) % 4]);
        }
        return b.toByteArray();
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    private void changed() {
        List.copyOf(listeners).forEach(Runnable::run);
    }
}
