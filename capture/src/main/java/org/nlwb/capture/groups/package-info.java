/**
 * Naming multicast groups and generic netlink families on the running kernel: rtnetlink and
 * nfnetlink group names, and nlctrl lookups (CTRL_CMD_GETFAMILY) for genl ids and groups.
 */
package org.nlwb.capture.groups;
