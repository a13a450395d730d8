package org.nlwb.app.ui.model;

import org.nlwb.decoder.model.Diagnostic;
import org.nlwb.decoder.tree.Node;
import org.nlwb.decoder.tree.Status;

/**
 * One line of the diagnostics pane: a reader's diagnostic, or a malformed / unknown node of a
 * message (the node is named by name, offset and length so it can be found again in a fresh decode).
 *
 * @param messageIndex the message it is in, numbered from 0 as everywhere in nlwb ({@code nlwb decode}'s
 *                     {@code #0}, JSON's {@code index}), or -1 for a reader diagnostic
 */
public record Issue(Diagnostic.Severity severity, int messageIndex, String nodeName, int offset, int length,
                    String location, String text) {

    public static Issue of(Diagnostic d) {
        return new Issue(d.severity(), -1, null, 0, 0, d.location(), d.message());
    }

    public static Issue of(int messageIndex, Node n) {
        Diagnostic.Severity s = n.status() == Status.MALFORMED ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING;
        String what = n.name().equals(n.status().label()) ? n.name() : n.status().label() + " " + n.name();
        return new Issue(s, messageIndex, n.name(), n.offset(), n.length(),
                "message #" + messageIndex + " @ " + n.offset(),
                what + (n.note() != null ? ": " + n.note() : "") + " (" + n.length() + " bytes)");
    }

    public boolean hasNode() {
        return messageIndex >= 0;
    }
}
