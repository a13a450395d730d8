package org.nlwb.app.ui;

import java.nio.file.Path;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.dissect.MessageDecoder;
import org.nlwb.decoder.model.Capture;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.read.Loader;

/** Decoded messages from the shared captures for tests that need no window. */
public final class WorkbenchTestSamples {
    private WorkbenchTestSamples() {
    }

    /** Message 3 of netns-ip-link-add-dummy-fail.pcap: NLMSG_ERROR -EOPNOTSUPP "Unknown device type". */
    public static DecodedMessage dummyFailError() {
        try {
            Path p = WorkbenchFixture.captured("netns-ip-link-add-dummy-fail.pcap");
            Capture c = Loader.standard().load(p, null, Protocol.UNKNOWN);
            return new MessageDecoder(WorkbenchFixture.registry()).decode(c.message(3), Conversation.empty());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
