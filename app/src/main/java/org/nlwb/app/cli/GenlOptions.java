package org.nlwb.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.capture.groups.KernelGenlFamilies;
import org.nlwb.decoder.pipeline.ConversationPolicy;
import picocli.CommandLine.Option;

/**
 * The options that say which family a generic netlink id names when a capture does not
 * ({@code --genl-family ID=FAMILY}, {@code --kernel-families}), shared by {@code decode} and the
 * window so both mean the same by them.
 */
public final class GenlOptions {
    @Option(names = "--genl-family", paramLabel = "ID=FAMILY",
            description = "Generic netlink family of an id the capture does not name, e.g. 0x1b=nl80211 (repeatable).")
    List<String> genlFamilies = new ArrayList<>();

    @Option(names = "--kernel-families",
            description = "Ask the running kernel (nlctrl) for generic netlink ids neither the capture nor --genl-family names.")
    boolean kernelFamilies;

    /**
     * The policy these options describe: the user's ids, the capture's, then the running kernel's
     * (asked in the host namespace, on first need) when {@code --kernel-families} was given.
     *
     * @throws IllegalArgumentException naming a malformed {@code --genl-family}
     */
    public ConversationPolicy policy() {
        ConversationPolicy p = ConversationPolicy.parse(genlFamilies);
        return kernelFamilies ? p.withKernel(new KernelGenlFamilies(null)) : p;
    }
}
