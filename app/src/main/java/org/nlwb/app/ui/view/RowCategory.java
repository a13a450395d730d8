package org.nlwb.app.ui.view;

import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.filter.MessageRole;
import org.nlwb.decoder.message.ControlType;
import org.nlwb.decoder.message.FrameKind;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/** What colours a row of the message list; the first that applies wins, in declaration order. */
public enum RowCategory {
    MALFORMED("Malformed", "#f4b6b6"),
    ERROR("Error reply (error != 0)", "#f7d08a"),
    NOTIFICATION("Notification", "#d9c8f0"),
    REQUEST("Request (→ kernel)", "#cfe3fa"),
    REPLY("Reply (← kernel)", "#d5efd5");

    private final String label;
    private final String defaultColour;

    RowCategory(String label, String defaultColour) {
        this.label = label;
        this.defaultColour = defaultColour;
    }

    public String label() {
        return label;
    }

    public String defaultColour() {
        return defaultColour;
    }

    private static boolean hasMalformed(Node n) {
        if (n.status() == Status.MALFORMED) {
            return true;
        }
        for (Node c : n.children()) {
            if (hasMalformed(c)) {
                return true;
            }
        }
        return false;
    }

    /** The category of a row; {@code decoded} may be null when only the header is known. */
    public static RowCategory of(MessageRef ref, DecodedMessage decoded) {
        if (ref.kind() != FrameKind.MESSAGE || (decoded != null && hasMalformed(decoded.tree()))) {
            return MALFORMED;
        }
        if (ref.hasHeader() && ref.type() == ControlType.ERROR && ref.length() >= 20 && ref.bytes().s32le(16) != 0) {
            return ERROR;
        }
        return switch (MessageRole.of(ref)) {
            case REQUEST -> REQUEST;
            case REPLY -> REPLY;
            case NOTIFICATION -> NOTIFICATION;
            case UNKNOWN -> null;
        };
    }
}
