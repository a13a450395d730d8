package org.nlwb.capture.groups;

import java.util.List;

/**
 * A generic netlink family as the running kernel's nlctrl describes it.
 *
 * @param groups its multicast groups, named {@code family:group}
 */
public record GenlFamily(String name, int id, int version, List<MulticastGroup> groups) {
}
