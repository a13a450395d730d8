package org.nlwb.capture.send;

import org.nlwb.capture.groups.GenlFamily;

/**
 * A generic netlink family as the target's kernel knows it (ids are given out at run time, so
 * a replayed request needs them looked up again), and the CTRL_CMD_GETFAMILY conversation that
 * found it: put its records in front of the send's so the decoder can name the family.
 */
public record GenlLookup(GenlFamily family, SendResult exchange) {
}
