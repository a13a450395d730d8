package org.nlwb.app.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nlwb.decoder.bytes.ByteView;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.encode.EncodeException;
import org.nlwb.decoder.encode.MessageEncoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Direction;
import org.nlwb.decoder.model.Record;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import org.nlwb.decoder.pipeline.DecodedCapture;
import org.nlwb.decoder.registry.Registry;

/**
 * {@code nlwb send --dry-run}: the datagram built as it would be sent, asking no kernel, and
 * decoded. A generic netlink family other than nlctrl gets {@link SendPlan#PLACEHOLDER_ID} for
 * the id the kernel would give it, and the decoder is told so, so the messages still decode.
 *
 * @param placeheld the family the placeholder id stands for, or null
 * @param capture   the datagram as one record, for {@code --write}
 */
record DryRun(byte[] bytes, List<DecodedMessage> messages, String placeheld, Capture capture) {
    DryRun {
        bytes = bytes.clone();
        messages = List.copyOf(messages);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    static DryRun of(SendPlan plan, MessageEncoder encoder, Registry registry) throws EncodeException {
        byte[] bytes = plan.datagram(encoder, name -> new SendPlan.GenlId(SendPlan.PLACEHOLDER_ID, -1));
        String placeheld = plan.genlFamilies().stream().findFirst().orElse(null);
        Capture c = new Capture("nlwb send --dry-run", "live");
        Instant now = Instant.now();
        c.append(new Record(now.getEpochSecond() * 1_000_000_000L + now.getNano(), Direction.TO_KERNEL, plan.protocol(),
                (int) ProcessHandle.current().pid(), -1, "sendto", "dry run", ByteView.of(bytes)));
        ConversationPolicy policy = ConversationPolicy.captureOnly()
                .withUserFamilies(placeheld == null ? Map.of() : Map.of(SendPlan.PLACEHOLDER_ID, placeheld));
        DecodedCapture decoded = new DecodedCapture(c, registry, policy, null);
        List<DecodedMessage> messages = new ArrayList<>();
        for (int i = 0; i < decoded.messageCount(); i++) {
            messages.add(decoded.decodeUncached(i));
        }
        return new DryRun(bytes, messages, placeheld, c);
    }
}
