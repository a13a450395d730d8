package org.nlwb.app.ui.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nlwb.app.ui.compose.SampleRequests.CATALOG;
import static org.nlwb.app.ui.compose.SampleRequests.ENCODER;
import static org.nlwb.app.ui.compose.SampleRequests.unstamped;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.nlwb.decoder.encode.Request;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The typed editors of a captured request show what it says beyond the spec as what it is, and
 * keep it: every captured request of the samples, after each of its editors was changed and set
 * back to what it showed, encodes to the captured bytes; an integer's width, NLA_F_NESTED on a
 * sub-message, non-zero padding, a short struct, an item's index and a header member named as an
 * attribute each have their own control, survive an edit of the value, and go when changed.
 */
class EditorsKeepWhatWasSentTest extends ApplicationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PICKERS = Set.of("compose-protocol", "compose-family", "compose-op");

    @Override
    public void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new StackPane(), 800, 600));
        stage.show();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static SampleRequests.Sample sample(String where) throws Exception {
        return SampleRequests.all().stream().filter(s -> s.where().startsWith(where)).findFirst().orElseThrow();
    }

    /** The editors of what "Replay" opens on {@code where} (its description, as "Raw hex" off shows it). */
    private static Opened open(String where) throws Exception {
        return open(sample(where).replay().described());
    }

    private record Opened(ComposedMessage message, MessageEditor editor) {
        String values() {
            return message.values().toString();
        }

        <T extends Node> T find(String selector, Class<T> type) {
            Node n = editor.lookup(selector);
            assertNotNull(n, selector + " in " + values());
            return type.cast(n);
        }
    }

    private static Opened open(Request r) throws Exception {
        return onFx(() -> {
            ComposedMessage m = ComposedMessage.of(r);
            return new Opened(m, new MessageEditor(m, CATALOG));
        });
    }

    /** Each text field, drop-down and check box of the value editors changed and set back, as a person could. */
    private static void editToWhatItShows(MessageEditor e) {
        List<Node> editors = new ArrayList<>(e.lookupAll("*"));
        for (Node n : editors) {
            if (n instanceof TextField f) {
                String t = f.getText();
                f.setText(t + "9");
                f.setText(t);
            } else if (n instanceof ComboBox<?> c && (c.getId() == null || !PICKERS.contains(c.getId())) && !c.getStyleClass().contains("compose-add")) {
                @SuppressWarnings("unchecked")
                ComboBox<Object> box = (ComboBox<Object>) c;
                Object v = box.getValue();
                box.setValue(box.getItems().isEmpty() || box.getItems().get(0).equals(v) ? "9" : box.getItems().get(0));
                box.setValue(v);
            } else if (n instanceof CheckBox b && (b.getId() == null || !b.getId().startsWith("flag-"))) {
                b.setSelected(!b.isSelected());
                b.setSelected(!b.isSelected());
            }
        }
    }

    @Test
    void everyCapturedRequestEncodesAsCapturedAfterANoOpEditOfEachEditor() throws Exception {
        List<String> different = new ArrayList<>();
        int edited = 0;
        for (SampleRequests.Sample s : SampleRequests.all()) {
            if (s.replay().described() == null) {
                continue;
            }
            edited++;
            Opened o = open(s.replay().described());
            String before = o.values();
            byte[] sent = onFx(() -> {
                editToWhatItShows(o.editor());
                return o.message().encode(ENCODER, n -> s.ref().type());
            });
            String captured = unstamped(s.ref().bytes().toArray());
            if (!captured.equals(unstamped(sent))) {
                different.add(s.where() + "\n  captured " + captured + "\n  composed " + unstamped(sent)
                        + "\n  from " + before + "\n  now  " + o.values());
            }
        }
        assertEquals(List.of(), different, different.size() + " differ after a no-op edit");
        assertTrue(edited >= 195, "requests edited: " + edited);
    }

    @Test
    void anIntegerSentAtAnotherWidthShowsItBesideItsValueAndKeepsIt() throws Exception {
        Opened o = open("kernel-ip-route-add-expires.strace.txt #2");
        @SuppressWarnings("unchecked")
        ComboBox<String> size = o.find("#attr-expires .sent-as-size", ComboBox.class);
        assertEquals("4 bytes", onFx(size::getValue));
        TextField value = o.find("#attr-expires .compose-value", TextField.class);
        assertEquals("300", onFx(value::getText));
        onFx(() -> {
            value.setText("600");
            return null;
        });
        assertTrue(o.values().contains("\"expires\":{\"value\":600,\"size\":4}"), o.values());
        onFx(() -> {
            size.setValue("its u64");
            return null;
        });
        assertTrue(o.values().contains("\"expires\":600"), o.values());
    }

    /** The row of attribute {@code id} (a dotted path, which a CSS id selector cannot say). */
    private static Node row(Opened o, String id) throws Exception {
        return onFx(() -> o.editor().lookupAll(".compose-attr").stream().filter(n -> ("attr-" + id).equals(n.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + id + " in " + o.values())));
    }

    @Test
    void aStringSentWithoutItsNulIsATypedEditorWithABoxThatAddsTheNul() throws Exception {
        SampleRequests.Sample s = sample("ip-link-add-veth.strace.txt #2");
        Opened o = open(s.replay().described());
        assertTrue(o.values().contains("\"kind\":{\"value\":\"veth\",\"nul\":false}"), o.values());
        Node kind = row(o, "linkinfo.kind");
        TextField value = onFx(() -> (TextField) kind.lookup(".compose-value"));
        assertNotNull(value, "a typed string editor, no JSON row");
        assertEquals("veth", onFx(value::getText));
        assertFalse(onFx(() -> kind.lookupAll(".text-field").stream()
                .anyMatch(n -> n instanceof TextField f && f.getText().contains("nul"))), "no raw JSON of the string");
        CheckBox without = onFx(() -> (CheckBox) kind.lookup(".sent-as-nul"));
        assertNotNull(without, "what was sent, beside the value");
        assertTrue(onFx(without::isSelected));
        assertTrue(onFx(without::isVisible));

        String captured = unstamped(s.ref().bytes().toArray());
        java.util.function.Supplier<String> sent = () -> {
            try {
                return unstamped(onFx(() -> o.message().encode(ENCODER, n -> s.ref().type())));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
        assertEquals(captured, sent.get(), "unchanged: the captured bytes");
        String kindWithout = "08000100" + "76657468"; // nla_len 8, IFLA_INFO_KIND, "veth"
        String kindWith = "09000100" + "7665746800"; // nla_len 9: and its NUL
        assertTrue(captured.contains(kindWithout) && !captured.contains(kindWith), captured);

        onFx(() -> {
            value.setText("veth2");
            value.setText("veth");
            return null;
        });
        assertEquals(captured, sent.get(), "an edit of the text keeps it sent without the NUL");

        onFx(() -> {
            without.setSelected(false);
            return null;
        });
        assertTrue(o.values().contains("\"kind\":\"veth\""), o.values());
        assertTrue(sent.get().contains(kindWith), "unticked, the string gains its NUL: " + sent.get());
        assertFalse(sent.get().contains(kindWithout), sent.get());

        onFx(() -> {
            without.setSelected(true);
            return null;
        });
        assertEquals(captured, sent.get(), "ticked again: without it, as captured");
    }

    @Test
    void aSubMessageSentWithNlaFNestedHasItAsACheckBox() throws Exception {
        Opened o = open("kernel-ip-route-add-seg6.strace.txt #2");
        CheckBox nested = o.find("#attr-encap .compose-nested-flag", CheckBox.class);
        assertTrue(onFx(nested::isSelected));
        assertFalse(o.values().contains("attr-encap.$nested"));
        assertTrue(onFx(() -> o.editor().lookupAll(".compose-attr").stream().noneMatch(n -> n.getId().contains("$nested"))),
                "no raw row for $nested");
        onFx(() -> {
            nested.setSelected(false);
            return null;
        });
        assertFalse(o.values().contains("$nested"), o.values());
    }

    @Test
    void nonZeroPaddingIsShownInHexBesideItsValueAndSurvivesAnEdit() throws Exception {
        Opened o = open("kernel-ethtool-show.strace.txt #88");
        TextField pad = o.find(".sent-as-pad", TextField.class);
        String hex = onFx(pad::getText);
        assertTrue(hex.matches("[0-9a-f]{2,6}") && !hex.matches("0+"), hex);
        TextField value = onFx(() -> (TextField) pad.getParent().getParent().lookup(".compose-value"));
        assertNotNull(value, "the padded value's own editor");
        String v = onFx(value::getText);
        onFx(() -> {
            value.setText(v + "x");
            return null;
        });
        assertTrue(o.values().contains("\"$value\":\"" + v + "x\",\"$pad\":\"" + hex + "\""), o.values());
    }

    @Test
    void aStructSentShorterThanItsSizeofSaysSo() throws Exception {
        Opened o = open("kernel-nflog.strace.txt #2");
        TextField size = o.find("#struct-size-nfulnl-msg-config-mode", TextField.class);
        assertEquals("6", onFx(size::getText));
        assertTrue(onFx(() -> size.getParent().getChildrenUnmodifiable().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().equals("of 8 bytes"))));
        onFx(() -> {
            size.setText("");
            return null;
        });
        assertFalse(o.values().contains("$size"), o.values());
    }

    @Test
    void anItemNumberedOtherwiseShowsItsIndexAndTheRestNone() throws Exception {
        Request r = Request.of("tc", "getaction", false,
                JSON.readTree("{\"tab\": [{\"$index\": 0, \"$value\": {\"index\": 5}}, {\"index\": 6}]}")).withNestedFlag(false);
        Opened o = open(r);
        List<TextField> index = onFx(() -> o.editor().lookupAll(".sent-as-index").stream().map(TextField.class::cast).toList());
        assertEquals(1, index.size(), "only the item numbered otherwise says its index");
        assertEquals("0", onFx(index.get(0)::getText));
        onFx(() -> {
            index.get(0).setText("3");
            return null;
        });
        assertEquals("{\"tab\":[{\"$index\":3,\"$value\":{\"index\":5}},{\"index\":6}]}", o.values());
    }

    @Test
    void aHeaderMemberNamedAsAnAttributeIsEditedInTheObjectNamedForTheStruct() throws Exception {
        Request r = Request.of("tc", "newqdisc", false, JSON.readTree(
                "{\"kind\": \"netem\", \"options\": {\"tc-netem-qopt\": {\"limit\": 1000, \"loss\": 7}}}"));
        Opened o = open(r);
        TextField loss = onFx(() -> {
            Node opts = o.editor().lookupAll(".compose-attr").stream().filter(n -> "attr-options".equals(n.getId()))
                    .findFirst().orElseThrow();
            javafx.scene.layout.GridPane g = (javafx.scene.layout.GridPane) opts.lookup(".compose-struct");
            for (Node n : g.getChildren()) {
                if (n instanceof Label l && l.getText().equals("loss")) {
                    return (TextField) g.getChildren().get(g.getChildren().indexOf(n) + 1).lookup(".compose-value");
                }
            }
            return null;
        });
        assertEquals("7", onFx(loss::getText));
        onFx(() -> {
            loss.setText("8");
            return null;
        });
        assertTrue(o.values().contains("\"tc-netem-qopt\":{\"limit\":1000,\"loss\":8}"), o.values());
        assertFalse(onFx(() -> o.editor().lookupAll(".compose-attr").stream().anyMatch(n -> n.getId().endsWith("tc-netem-qopt"))),
                "the struct's object is no raw row");
    }

    @Test
    void flagBitsNoBoxNamesAreKeptThroughAnEditOfTheBoxes() throws Exception {
        long bits = 0x80000001L; // IFF_UP and a bit the spec names not
        Opened o = open(Request.of("rt-link", "getlink", false, JSON.readTree("{\"ifi-flags\": " + bits + "}")));
        CheckBox up = onFx(() -> (CheckBox) o.editor().lookupAll(".check-box").stream()
                .filter(n -> n instanceof CheckBox b && b.getText().equals("up")).findFirst().orElseThrow());
        assertTrue(onFx(up::isSelected));
        assertTrue(onFx(() -> o.editor().lookupAll(".label").stream()
                .anyMatch(n -> n instanceof Label l && l.getText().equals("and 0x80000000"))));
        onFx(() -> {
            up.setSelected(false);
            return null;
        });
        assertEquals("{\"ifi-flags\":" + 0x80000000L + "}", o.values());
        onFx(() -> {
            up.setSelected(true);
            return null;
        });
        assertEquals("{\"ifi-flags\":" + bits + "}", o.values());
    }

    @Test
    void aKeyTheEditorsDoNotKnowStaysAsAJsonRow() throws Exception {
        Opened o = open(Request.of("rt-link", "getlink", false, JSON.readTree("{\"ifname\": \"lo\", \"$future\": {\"a\": 1}}")));
        TextField raw = onFx(() -> (TextField) o.editor().lookupAll(".compose-attr").stream()
                .filter(n -> "attr-$future".equals(n.getId())).findFirst().orElseThrow().lookup(".text-field"));
        assertEquals("{\"a\":1}", onFx(raw::getText));
        onFx(() -> {
            editToWhatItShows(o.editor());
            return null;
        });
        assertEquals("{\"ifname\":\"lo\",\"$future\":{\"a\":1}}", o.values());
    }
}
