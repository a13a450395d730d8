/**
 * A generic netlink family's attribute policy as the running kernel reports it (CTRL_CMD_GETPOLICY),
 * named through the family's spec; checks of a request against it (or, for families without a policy
 * dump, against the spec's own checks) and the differences between spec and kernel. Pure Java.
 */
package org.nlwb.decoder.policy;
