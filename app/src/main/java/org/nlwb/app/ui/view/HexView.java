package org.nlwb.app.ui.view;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import org.nlwb.app.ui.model.HexViewModel;
import org.nlwb.app.ui.model.HexViewModel.ByteRange;
import org.nlwb.app.ui.model.MessageViewModel;
import org.nlwb.decoder.bytes.ByteView;

/**
 * The hex pane: {@code offset | 16 bytes | ASCII} rows in a virtualised list (only rows on screen
 * exist as nodes). Each byte is a label carrying its offset in {@link #OFFSET_KEY}; the selected
 * node's bytes get the style class {@code hex-hl}, its parent's {@code hex-shade}, the caret
 * {@code hex-caret}. Click selects the deepest node covering a byte, drag a range, arrow keys move
 * the caret, Ctrl+arrow keys move field by field. All state is in the {@link MessageViewModel}.
 */
public final class HexView extends ListView<Integer> {
    public static final String OFFSET_KEY = "nlwb.offset";
    private static final int ROW = HexViewModel.BYTES_PER_ROW;

    /** Offset, 16 bytes, gap and 16 ASCII at the style sheet's widths, the cell padding and a scroll bar. */
    public static final double FULL_WIDTH = 524;

    /** "00" to "ff", and each byte's ASCII column text: a row drawn formats nothing. */
    private static final String[] HEX = new String[256];
    private static final String[] ASCII = new String[256];

    static {
        for (int v = 0; v < 256; v++) {
            HEX[v] = String.format("%02x", v);
            ASCII[v] = String.valueOf(v >= 0x20 && v < 0x7f ? (char) v : '.');
        }
    }

    private final MessageViewModel vm;
    private final javafx.beans.property.ReadOnlyBooleanWrapper asciiShown =
            new javafx.beans.property.ReadOnlyBooleanWrapper(true);
    private int dragAnchor = -1;

    public HexView(MessageViewModel vm) {
        this.vm = vm;
        getStyleClass().add("hex-view");
        setFixedCellSize(20);
        setCellFactory(lv -> new RowCell());
        HexViewModel hex = vm.hex();
        hex.bytesProperty().addListener((o, was, b) -> {
            List<Integer> rows = new ArrayList<>(hex.rowCount());
            for (int i = 0; i < hex.rowCount(); i++) {
                rows.add(i);
            }
            getItems().setAll(rows);
            scrollTo(0);
        });
        setItems(FXCollections.observableArrayList());
        hex.highlightedProperty().addListener((o, was, r) -> {
            restyleVisible();
            revealRange(r);
            // A pane whose size or rows change in this pulse (a message just shown) scrolled by the
            // rows it had: look again once it is laid out, as the tree pane does.
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(80));
            later.setOnFinished(e -> {
                if (hex.highlighted() == r) {
                    revealLastRow(r);
                }
            });
            later.play();
        });
        hex.caretProperty().addListener((o, was, c) -> restyleVisible());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // Too narrow for both, the bytes stay whole and the ASCII column goes (the pane says so).
        widthProperty().addListener((o, was, w) -> asciiShown.set(w.doubleValue() == 0 || w.doubleValue() >= FULL_WIDTH));
    }

    /** Whether the ASCII column is drawn: not when the pane is narrower than {@link #FULL_WIDTH}. */
    public javafx.beans.property.ReadOnlyBooleanProperty asciiShownProperty() {
        return asciiShown.getReadOnlyProperty();
    }


    private void onKey(KeyEvent e) {
        if (e.isShortcutDown() && !e.isShiftDown() && !e.isAltDown()) {
            // Ctrl+←/→: the previous / next field (leaf node), as the tree's order has them.
            int step = e.getCode() == javafx.scene.input.KeyCode.RIGHT ? 1
                    : e.getCode() == javafx.scene.input.KeyCode.LEFT ? -1 : 0;
            if (step != 0) {
                vm.selectAdjacentField(step);
                e.consume();
            }
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isShiftDown()) {
            return;
        }
        int delta = switch (e.getCode()) {
            case LEFT -> -1;
            case RIGHT -> 1;
            case UP -> -ROW;
            case DOWN -> ROW;
            default -> 0;
        };
        if (delta != 0) {
            vm.moveCaret(delta);
            e.consume();
        }
    }

    private void restyleVisible() {
        for (javafx.scene.Node n : lookupAll(".hex-row")) {
            if (n.getUserData() instanceof RowCell c) {
                c.restyle();
            }
        }
    }

    /**
     * Scrolls so the rows of {@code r} are on screen. Right after new bytes (a layout pending) the
     * flow's cells are those of the old message or none, so it then scrolls without asking them.
     */
    private void revealRange(ByteRange r) {
        if (r.isEmpty()) {
            return;
        }
        int first = r.from() / ROW;
        int last = (r.to() - 1) / ROW;
        VirtualFlow<?> flow = (VirtualFlow<?>) lookup(".virtual-flow");
        boolean stale = flow == null || flow.isNeedsLayout();
        IndexedCell<?> top = stale ? null : flow.getFirstVisibleCell();
        IndexedCell<?> bottom = stale ? null : flow.getLastVisibleCell();
        boolean shown = top != null && bottom != null && first > top.getIndex() && last < bottom.getIndex();
        if (!shown) {
            scrollTo(Math.max(0, first - 2));
        }
    }

    /** Once laid out: the range's last row whole on screen (the first reveal, made before, may leave it at the edge). */
    private void revealLastRow(ByteRange r) {
        if (r.isEmpty()) {
            return;
        }
        VirtualFlow<?> flow = (VirtualFlow<?>) lookup(".virtual-flow");
        int last = (r.to() - 1) / ROW;
        IndexedCell<?> bottom = flow == null || flow.isNeedsLayout() ? null : flow.getLastVisibleCell();
        if (bottom == null || bottom.getIndex() <= last) {
            if (flow != null && (last - r.from() / ROW + 1) * getFixedCellSize() < getHeight()) {
                flow.scrollTo(last);
            } else {
                revealRange(r);
            }
        }
    }

    private final class RowCell extends ListCell<Integer> {
        private final HBox box = new HBox();
        private final Label offset = new Label();
        private final Label[] hex = new Label[ROW];
        private final Label[] ascii = new Label[ROW];

        RowCell() {
            box.getStyleClass().add("hex-row");
            box.setUserData(this);
            offset.getStyleClass().add("hex-offset");
            box.getChildren().add(offset);
            for (int i = 0; i < ROW; i++) {
                hex[i] = byteLabel("hex-byte");
                if (i == ROW / 2) {
                    hex[i].getStyleClass().add("hex-mid");
                }
                box.getChildren().add(hex[i]);
            }
            Label gap = new Label();
            gap.getStyleClass().add("hex-gap");
            box.getChildren().add(gap);
            showWithAscii(gap);
            for (int i = 0; i < ROW; i++) {
                ascii[i] = byteLabel("hex-ascii");
                showWithAscii(ascii[i]);
                box.getChildren().add(ascii[i]);
            }
            setText(null);
        }

        private void showWithAscii(Label l) {
            l.visibleProperty().bind(asciiShown);
            l.managedProperty().bind(asciiShown);
        }

        private Label byteLabel(String style) {
            Label l = new Label();
            l.getStyleClass().add(style);
            l.setOnMousePressed(this::pressed);
            l.setOnDragDetected(e -> l.startFullDrag());
            l.addEventHandler(MouseDragEvent.MOUSE_DRAG_ENTERED, this::dragged);
            return l;
        }

        private int offsetOf(Object source) {
            Object o = ((Label) source).getProperties().get(OFFSET_KEY);
            return o instanceof Integer i ? i : -1;
        }

        private void pressed(MouseEvent e) {
            int off = offsetOf(e.getSource());
            if (off >= 0) {
                HexView.this.requestFocus();
                dragAnchor = off;
                vm.selectBytes(off, off + 1);
            }
        }

        private void dragged(MouseDragEvent e) {
            int off = offsetOf(e.getSource());
            if (off >= 0 && dragAnchor >= 0) {
                vm.selectBytes(Math.min(dragAnchor, off), Math.max(dragAnchor, off) + 1);
            }
        }

        /**
         * A hex row is never "selected" as a list row: the list's selection would turn every
         * label's text to the selection colour (white) on the pane's white background, blanking
         * the row the click landed in. Bytes are selected through the view model only.
         */
        @Override
        public void updateSelected(boolean selected) {
            super.updateSelected(false);
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            ByteView b = vm.hex().bytes();
            int base = row * ROW;
            offset.setText(String.format("%04x", base));
            for (int i = 0; i < ROW; i++) {
                int off = base + i;
                boolean in = off < b.length();
                int v = in ? b.u8(off) : 0;
                hex[i].setText(in ? HEX[v] : "  ");
                ascii[i].setText(in ? ASCII[v] : " ");
                Integer key = in ? off : null;
                hex[i].getProperties().put(OFFSET_KEY, key);
                ascii[i].getProperties().put(OFFSET_KEY, key);
            }
            restyle();
            setGraphic(box);
        }

        void restyle() {
            if (isEmpty() || getItem() == null) {
                return;
            }
            HexViewModel m = vm.hex();
            int caret = m.caretProperty().get();
            for (int i = 0; i < ROW; i++) {
                Object o = hex[i].getProperties().get(OFFSET_KEY);
                int off = o instanceof Integer n ? n : -1;
                HexViewModel.Mark mark = off < 0 ? HexViewModel.Mark.NONE : m.markOf(off);
                style(hex[i], mark, off >= 0 && off == caret);
                style(ascii[i], mark, off >= 0 && off == caret);
            }
        }

        private void style(Label l, HexViewModel.Mark mark, boolean caret) {
            l.getStyleClass().removeAll("hex-hl", "hex-shade", "hex-caret");
            if (mark == HexViewModel.Mark.HIGHLIGHTED) {
                l.getStyleClass().add("hex-hl");
            } else if (mark == HexViewModel.Mark.SHADED) {
                l.getStyleClass().add("hex-shade");
            }
            if (caret) {
                l.getStyleClass().add("hex-caret");
            }
        }
    }
}
