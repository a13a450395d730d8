package org.nlwb.decoder.ynl;

import java.util.List;
import java.util.Map;

/**
 * One operation (message type) of a family.
 *
 * <p>Ids follow the spec's {@code enum-model}: in the unified model one id serves both ways; in the
 * directional model the request (to the kernel) and the reply or notification (from the kernel)
 * are numbered separately, so a family may use id 16 for a request of one operation and a reply
 * of another ({@code RTM_NEWLINK}).
 *
 * @param requestId      the id of this operation's messages to the kernel, or null (notifications)
 * @param replyId        the id of its messages from the kernel (replies, notifications, events), or null
 * @param toKernelName   kernel constant of the request id ({@code RTM_GETLINK})
 * @param fromKernelName kernel constant of the reply id ({@code RTM_NEWLINK}, {@code CTRL_CMD_NEWFAMILY})
 * @param fixedHeader    struct name of the fixed header after the netlink (and genetlink) header, or null
 * @param kind           do/dump/notify/event, for what the ids mean
 * @param attributeLists "do request", "dump reply", "event" ... → attribute names
 */
public record OpSpec(String name, Integer requestId, Integer replyId, String toKernelName, String fromKernelName,
                     String attributeSet, String fixedHeader, Kind kind, String notifyOf, String mcgrp,
                     Map<String, List<String>> attributeLists, String doc) {

    public enum Kind { REQUEST, NOTIFY, EVENT }

    public OpSpec {
        attributeLists = Map.copyOf(attributeLists);
    }

    public boolean isAsync() {
        return kind != Kind.REQUEST;
    }
}
