package org.nlwb.decoder.policy;

import java.util.List;

/**
 * What a check of one request found, and against what.
 *
 * @param basis    what it was checked against ({@code the running kernel's policy of ethtool
 *                 linkmodes-set (do)}, {@code the spec's checks of rt-link: rtnetlink has no policy dump})
 * @param kernel   whether {@code basis} is the kernel's own policy (false: the spec's checks only)
 * @param problems in message order
 */
public record PolicyCheck(String basis, boolean kernel, List<PolicyProblem> problems) {

    public PolicyCheck {
        problems = List.copyOf(problems);
    }

    /** The problems the kernel refuses whatever the validation mode. */
    public List<PolicyProblem> definite() {
        return problems.stream().filter(PolicyProblem::definite).toList();
    }

    /** The problem at the lowest offset among those the kernel stops at first (what its ext-ACK names), or null. */
    public PolicyProblem first() {
        return problems.isEmpty() ? null : problems.get(0);
    }

    public boolean clean() {
        return problems.isEmpty();
    }
}
