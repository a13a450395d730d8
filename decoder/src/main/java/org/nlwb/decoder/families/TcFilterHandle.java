package org.nlwb.decoder.families;

import java.util.ArrayList;
import java.util.List;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.registry.MessageContext;
import org.nlwb.decoder.registry.Registry;
import org.nlwb.decoder.tree.Node;

/**
 * A filter's tcm_handle is the classifier's own handle, not a class id: u32 packs hash table,
 * bucket and node into it ({@code fh 800::800}), flower and matchall count from 1 ({@code handle
 * 0x1}). The tc spec shows every tcmsg's handle as tc prints a class id ({@code 1:}); for
 * RTM_NEWTFILTER, RTM_DELTFILTER and RTM_GETTFILTER this puts back its number in hex, as tc does
 * for most classifiers. The value is the number either way.
 */
final class TcFilterHandle {
    private static final int RTM_NEWTFILTER = 44;
    private static final int RTM_GETTFILTER = 46;

    private TcFilterHandle() {
    }

    static void contribute(Registry.Builder registry) {
        registry.messageFixer(Protocol.ROUTE, TcFilterHandle::fix);
    }

    static Node fix(MessageContext msg, Node tree) {
        int type = msg.header() == null ? -1 : msg.header().type();
        if (type < RTM_NEWTFILTER || type > RTM_GETTFILTER) {
            return tree;
        }
        Node tcmsg = tree.child("tcmsg");
        Node handle = tcmsg == null ? null : tcmsg.child("tcm_handle");
        if (handle == null || !(handle.value() instanceof Long v)) {
            return tree;
        }
        Node shown = new Node(handle.name(), handle.type(), handle.offset(), handle.length(), v,
                "0x" + Long.toHexString(v), handle.status(), handle.note(), handle.children());
        return tree.withChildren(replace(tree.children(), tcmsg, tcmsg.withChildren(replace(tcmsg.children(), handle, shown))));
    }

    private static List<Node> replace(List<Node> nodes, Node old, Node with) {
        List<Node> out = new ArrayList<>(nodes);
        out.set(out.indexOf(old), with);
        return out;
    }
}
