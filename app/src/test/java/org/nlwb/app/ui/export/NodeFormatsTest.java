package org.nlwb.app.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nlwb.app.ui.WorkbenchTestSamples;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.tree.Node;

/** What "copy as ..." puts on the clipboard, on the -EOPNOTSUPP answer of a real capture. */
class NodeFormatsTest {
    private final DecodedMessage error = WorkbenchTestSamples.dummyFailError();
    private final Node text = error.tree().findAll("NLMSGERR_ATTR_MSG").get(0);

    @Test
    void hexAndCArrayHoldExactlyTheNodesBytes() {
        String hex = NodeFormats.hex(error.ref().bytes(), error.tree().child("error"));
        assertEquals("a1 ff ff ff", hex);
        String c = NodeFormats.cArray(error.ref().bytes(), error.tree().child("error"));
        assertEquals("static const unsigned char error[4] = {\n    0xa1, 0xff, 0xff, 0xff\n};\n", c);
    }

    @Test
    void valuePathAndJsonNameTheNode() {
        assertEquals("\"Unknown device type\"", NodeFormats.value(text));
        assertTrue(NodeFormats.path(error.tree(), text).startsWith("NLMSG_ERROR / "), NodeFormats.path(error.tree(), text));
        assertTrue(NodeFormats.path(error.tree(), text).endsWith("NLMSGERR_ATTR_MSG"));
        String json = NodeFormats.json(text);
        assertTrue(json.contains("\"name\" : \"NLMSGERR_ATTR_MSG\""), json);
        assertTrue(json.contains("\"offset\" : " + text.offset()), json);
    }
}
