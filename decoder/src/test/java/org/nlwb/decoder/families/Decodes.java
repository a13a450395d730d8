package org.nlwb.decoder.families;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.read.Loader;
import org.nlwb.decoder.spec.RegistryFactory;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/** Decoding captures and crafted bytes the way nlwb does, and finding nodes in what comes out. */
final class Decodes {
    static final MessageDecoder DECODER = new MessageDecoder(RegistryFactory.standard(List.of()));

    private Decodes() {
    }

    /** Every message of a capture file (format from its content), decoded with the conversation before it. */
    static List<DecodedMessage> file(Path file) throws Exception {
        Capture c = Loader.standard().load(file, null, Protocol.UNKNOWN);
        var conv = Conversations.of(c);
        List<DecodedMessage> out = new ArrayList<>();
        for (MessageRef ref : c.messages()) {
            out.add(DECODER.decode(ref, conv.apply(ref.index())));
        }
        return out;
    }

    /** One message of {@code protocol} from its bytes (nlmsghdr included). */
    static DecodedMessage bytes(int protocol, Direction direction, byte[] message) {
        Capture c = new Capture("crafted", "test");
        c.append(new Record(-1, direction, protocol, -1, -1, null, "crafted", ByteView.of(message)));
        return DECODER.decode(c.message(0), Conversations.of(c).apply(0));
    }

    /** Every node named {@code name} in the messages, depth first. */
    static List<Node> named(List<DecodedMessage> messages, String name) {
        List<Node> out = new ArrayList<>();
        for (DecodedMessage m : messages) {
            m.tree().walk(n -> {
                if (n.name().equals(name)) {
                    out.add(n);
                }
            });
        }
        return out;
    }

    static List<Node> named(DecodedMessage m, String name) {
        return named(List.of(m), name);
    }

    /** "index TYPE: path status" for every unknown or malformed node. */
    static List<String> problems(List<DecodedMessage> messages) {
        List<String> out = new ArrayList<>();
        for (DecodedMessage m : messages) {
            collect(m.tree(), m.ref().index() + " " + m.typeName() + ":", out);
        }
        return out;
    }

    private static void collect(Node n, String path, List<String> out) {
        String here = path + "/" + n.name();
        if (n.status() == Status.UNKNOWN || n.status() == Status.MALFORMED) {
            out.add(here + " " + n.status() + (n.note() == null ? "" : " (" + n.note() + ")"));
            return;
        }
        for (Node c : n.children()) {
            collect(c, here, out);
        }
    }
}
