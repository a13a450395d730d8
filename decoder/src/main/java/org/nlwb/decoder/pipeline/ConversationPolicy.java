package org.nlwb.decoder.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.nlwb.decoder.decode.Conversation;
import org.nlwb.decoder.decode.Conversations;
import org.nlwb.decoder.model.Capture;

/**
 * Where the decoder of a capture's messages learns which family a generic netlink id names, in
 * the order asked: the user's mapping ({@code --genl-family 0x1b=nl80211}, known for every
 * message), the CTRL_CMD_NEWFAMILY replies earlier in the capture (always), then {@code kernel}
 * — the running kernel's families when the caller asked for them ({@code --kernel-families}, a
 * live capture), else nothing. Immutable; the same policy can serve any number of captures.
 *
 * <p>The decoder module has no native code, so the kernel is asked through whatever
 * {@link Conversation} the caller passes (the capture module's {@code KernelGenlFamilies}); it is
 * consulted only for ids neither the user nor the capture names.
 */
public record ConversationPolicy(Map<Integer, String> userFamilies, Conversation kernel) {
    private static final ConversationPolicy CAPTURE_ONLY = new ConversationPolicy(Map.of(), Conversation.empty());

    public ConversationPolicy {
        userFamilies = Map.copyOf(userFamilies);
        Objects.requireNonNull(kernel, "kernel");
    }

    /** Only what the capture itself teaches: the default everywhere. */
    public static ConversationPolicy captureOnly() {
        return CAPTURE_ONLY;
    }

    /**
     * The user's mappings, each {@code ID=FAMILY} ({@code 0x1b=nl80211} or {@code 27=nl80211});
     * a later mapping of the same id wins.
     *
     * @throws IllegalArgumentException naming the mapping that is wrong
     */
    public static ConversationPolicy parse(List<String> mappings) {
        Map<Integer, String> families = new LinkedHashMap<>();
        for (String m : mappings) {
            Map.Entry<Integer, String> e = Conversations.parseGenlFamily(m);
            families.put(e.getKey(), e.getValue());
        }
        return CAPTURE_ONLY.withUserFamilies(families);
    }

    /** This policy with {@code families} (genl id → family name) as the user's mapping. */
    public ConversationPolicy withUserFamilies(Map<Integer, String> families) {
        return new ConversationPolicy(families, kernel);
    }

    /** This policy asking {@code runningKernel} about ids neither the user nor the capture names. */
    public ConversationPolicy withKernel(Conversation runningKernel) {
        return new ConversationPolicy(userFamilies, runningKernel);
    }

    /**
     * Message index → its conversation context in {@code capture}. Incremental and thread-safe:
     * a capture that keeps growing is learned from as it grows.
     */
    public IntFunction<Conversation> over(Capture capture) {
        return Conversations.of(capture, userFamilies, kernel);
    }
}
