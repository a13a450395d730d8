package org.nlwb.capture.groups;

/**
 * A netlink multicast group to subscribe to.
 *
 * @param name the kernel's name ({@code RTNLGRP_LINK}, {@code nlctrl:notify}, {@code NFNLGRP_CONNTRACK_NEW})
 * @param id   the group number for NETLINK_ADD_MEMBERSHIP (1-based)
 */
public record MulticastGroup(String name, int id) {
    @Override
    public String toString() {
        return name + " (" + id + ")";
    }
}
