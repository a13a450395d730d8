package org.nlwb.app.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.FontCssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.nlwb.app.ui.model.HexViewModel;
import org.nlwb.app.ui.model.HexViewModel.ByteRange;
import org.nlwb.app.ui.model.HexViewModel.Mark;
import org.nlwb.app.ui.model.MessageViewModel;
import org.nlwb.decoder.bytes.ByteView;

/**
 * The hex pane: {@code offset | 16 bytes | ASCII} rows in a virtualised list (only rows on screen
 * exist as nodes). Each row is one canvas drawn in code ({@link HexRowPainter}): a row of 34 labels
 * made every shown message restyle (CSS) 34 nodes a row. The selected node's bytes are drawn
 * highlighted, its parent's shaded, the caret underlined, in the colours the style sheet gives
 * this view ({@code -hex-*-fill}, {@code -fx-font}). A row is drawn again only when what it shows
 * changed. Click selects the deepest node covering a byte, drag a range, arrow keys move the
 * caret, Ctrl+arrow keys move field by field. All state is in the {@link MessageViewModel}; what is
 * drawn can be read back ({@link #lookOf}, {@link #offsetsMarked}, {@link #screenPointOf}).
 */
public final class HexView extends ListView<Integer> {
    private static final int ROW = HexViewModel.BYTES_PER_ROW;
    private static final double ROW_HEIGHT = 20;

    /** Offset, 16 bytes, gap and 16 ASCII ({@link HexRowLayout}), the cell padding and a scroll bar. */
    public static final double FULL_WIDTH = 524;

    /** The style sheet's properties for the inks, in {@link HexInks}'s order. */
    private static final List<String> INK_PROPERTIES = List.of("-hex-background-fill", "-hex-text-fill", "-hex-offset-fill",
            "-hex-shade-fill", "-hex-shade-text-fill", "-hex-hl-fill", "-hex-hl-text-fill", "-hex-caret-fill");
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;
    private static final FontCssMetaData<HexView> FONT_CSS = new FontCssMetaData<>("-fx-font", Font.font("Monospaced", 12)) {
        @Override
        public boolean isSettable(HexView v) {
            return !v.font.isBound();
        }

        @Override
        public StyleableProperty<Font> getStyleableProperty(HexView v) {
            return v.font;
        }
    };

    static {
        List<CssMetaData<? extends Styleable, ?>> css = new ArrayList<>(ListView.getClassCssMetaData());
        for (int k = 0; k < INK_PROPERTIES.size(); k++) {
            css.add(inkCss(k));
        }
        css.add(FONT_CSS);
        CSS = List.copyOf(css);
    }

    private static CssMetaData<HexView, Color> inkCss(int k) {
        Color initial = inkOf(HexInks.DEFAULT, k);
        return new CssMetaData<>(INK_PROPERTIES.get(k), StyleConverter.getColorConverter(), initial) {
            @Override
            public boolean isSettable(HexView v) {
                return !v.inkProperties.get(k).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(HexView v) {
                return v.inkProperties.get(k);
            }
        };
    }

    private static Color inkOf(HexInks i, int k) {
        return List.of(i.background(), i.text(), i.offset(), i.shade(), i.shadeText(), i.hl(), i.hlText(), i.caret()).get(k);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return CSS;
    }

    private final MessageViewModel vm;
    private final javafx.beans.property.ReadOnlyBooleanWrapper asciiShown =
            new javafx.beans.property.ReadOnlyBooleanWrapper(true);
    private final List<StyleableObjectProperty<Color>> inkProperties = new ArrayList<>();
    private final StyleableObjectProperty<Font> font =
            new SimpleStyleableObjectProperty<>(FONT_CSS, this, "font", FONT_CSS.getInitialValue(null));
    /** Every row cell made: the flow keeps a few more than fit on screen and reuses them. */
    private final List<RowCell> cells = new ArrayList<>();
    private HexInks inks = HexInks.DEFAULT;
    private HexRowPainter.Metrics metrics = HexRowPainter.Metrics.of(FONT_CSS.getInitialValue(null));
    /** Bumped when the inks, the font or the ASCII column change: every row is then drawn again. */
    private int look;
    private boolean redrawPending;
    private long rowsPainted;
    private int dragAnchor = -1;
    private int dragLast = -1;
    private final Runnable redrawBeforeLayout = this::redrawIfPending;

    public HexView(MessageViewModel vm) {
        this.vm = vm;
        getStyleClass().add("hex-view");
        setFixedCellSize(ROW_HEIGHT);
        setCellFactory(lv -> {
            RowCell c = new RowCell();
            cells.add(c);
            return c;
        });
        for (int k = 0; k < INK_PROPERTIES.size(); k++) {
            StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(inkCss(k), this,
                    INK_PROPERTIES.get(k), inkOf(HexInks.DEFAULT, k));
            p.addListener((o, was, c) -> restyled());
            inkProperties.add(p);
        }
        font.addListener((o, was, f) -> {
            metrics = HexRowPainter.Metrics.of(f);
            restyled();
        });
        HexViewModel hex = vm.hex();
        setItems(FXCollections.observableArrayList());
        hex.bytesProperty().addListener((o, was, b) -> {
            // Rows are their indexes: only the count changes, at the end, so the cells stay as they
            // are (replacing the whole list made the flow rebuild every cell) and are drawn anew.
            ObservableList<Integer> rows = getItems();
            int n = hex.rowCount();
            if (rows.size() > n) {
                rows.remove(n, rows.size());
            } else if (rows.size() < n) {
                List<Integer> more = new ArrayList<>(n - rows.size());
                for (int i = rows.size(); i < n; i++) {
                    more.add(i);
                }
                rows.addAll(more);
            }
            scrollTo(0);
            redrawSoon();
        });
        hex.highlightedProperty().addListener((o, was, r) -> {
            redrawSoon();
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
        hex.shadedProperty().addListener((o, was, r) -> redrawSoon());
        hex.caretProperty().addListener((o, was, c) -> redrawSoon());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // Too narrow for both, the bytes stay whole and the ASCII column goes (the pane says so).
        widthProperty().addListener((o, was, w) -> asciiShown.set(w.doubleValue() == 0 || w.doubleValue() >= FULL_WIDTH));
        asciiShown.addListener((o, was, a) -> restyled());
        // Rows are drawn once a pulse, before its layout, however many of the model's properties a
        // shown message or a click changed; cells the layout gives new rows draw themselves.
        sceneProperty().addListener((o, was, s) -> {
            if (was != null) {
                was.removePreLayoutPulseListener(redrawBeforeLayout);
            }
            if (s != null) {
                s.addPreLayoutPulseListener(redrawBeforeLayout);
            }
        });
    }

    private void restyled() {
        List<Color> c = inkProperties.stream().map(StyleableObjectProperty::get).toList();
        inks = new HexInks(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7));
        look++;
        redrawSoon();
    }

    private void redrawSoon() {
        if (!redrawPending) {
            redrawPending = true;
            Platform.requestNextPulse();
        }
    }

    private void redrawIfPending() {
        if (redrawPending) {
            redrawPending = false;
            // Only the cells in use: a spare one (hidden in the flow's pile) is drawn when it is given a row.
            for (RowCell c : cells) {
                if (c.isVisible() && c.getParent() != null) {
                    c.redraw();
                }
            }
        }
    }

    /**
     * How byte {@code offset} is drawn on screen: its mark, the caret, its colours and its hex box
     * in this view's coordinates; empty when its row is not on screen (scrolled away, no such byte).
     */
    public Optional<ByteLook> lookOf(int offset) {
        redrawIfPending();
        for (RowCell c : cells) {
            Optional<ByteLook> l = c.lookOf(offset);
            if (l.isPresent()) {
                return l;
            }
        }
        return Optional.empty();
    }

    /** The offsets of the bytes on screen drawn with {@code mark}. */
    public Set<Integer> offsetsMarked(Mark mark) {
        redrawIfPending();
        Set<Integer> out = new TreeSet<>();
        for (RowCell c : cells) {
            c.marked(mark, out);
        }
        return out;
    }

    /** The screen point at the middle of byte {@code offset}'s hex digits, where a click selects it. */
    public Optional<Point2D> screenPointOf(int offset) {
        return lookOf(offset).map(l -> localToScreen(l.box().getCenterX(), l.box().getCenterY()));
    }

    /** Rows drawn since the view was made: what a redraw cost, for tests and measurements. */
    public long rowsPainted() {
        return rowsPainted;
    }

    /** A byte as drawn: {@code fill} its background, null for none (the row's own). */
    public record ByteLook(int offset, Mark mark, boolean caret, Color fill, Color text, Bounds box) {
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

    /** One row: a canvas the row is drawn on, and what it was last drawn with (to skip drawing it again). */
    private final class RowCell extends ListCell<Integer> {
        private final Canvas canvas = new Canvas();
        private final Mark[] marks = new Mark[ROW];
        private ByteView drawnBytes;
        private int drawnRow = -1;
        private long drawnKey;
        private int drawnLook = -1;
        private int drawnCaret = -1;
        private HexInks drawnInks = inks;

        RowCell() {
            getStyleClass().add("hex-row");
            canvas.setHeight(ROW_HEIGHT);
            canvas.setOnMousePressed(this::pressed);
            canvas.setOnDragDetected(e -> canvas.startFullDrag());
            canvas.addEventHandler(MouseDragEvent.MOUSE_DRAG_OVER, this::dragged);
            setText(null);
            setGraphic(canvas);
        }

        private HexRowLayout rowLayout() {
            return new HexRowLayout(asciiShown.get());
        }

        /** The byte under {@code x} of the canvas, or -1 (the offset column, the gap, past the message's end). */
        private int offsetAt(double x) {
            int col = rowLayout().byteAt(x);
            int off = drawnRow < 0 || col < 0 ? -1 : drawnRow * ROW + col;
            return off >= 0 && off < vm.hex().bytes().length() ? off : -1;
        }

        private void pressed(MouseEvent e) {
            int off = offsetAt(e.getX());
            if (off >= 0) {
                HexView.this.requestFocus();
                dragAnchor = off;
                dragLast = off;
                vm.selectBytes(off, off + 1);
            }
        }

        private void dragged(MouseDragEvent e) {
            int off = offsetAt(e.getX());
            if (off >= 0 && dragAnchor >= 0 && off != dragLast) {
                dragLast = off;
                vm.selectBytes(Math.min(dragAnchor, off), Math.max(dragAnchor, off) + 1);
            }
        }

        /**
         * A hex row is never "selected" as a list row: the list's selection would draw the row in
         * the selection colours. Bytes are selected through the view model only.
         */
        @Override
        public void updateSelected(boolean selected) {
            super.updateSelected(false);
        }

        /** A row placed again (a spare cell reused, the same row index of another message): drawn if it changed. */
        @Override
        public void updateIndex(int i) {
            super.updateIndex(i);
            redraw();
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            redraw();
        }

        /** Draws the row if what it shows (bytes, marks, caret, colours, columns) changed since it was last drawn. */
        void redraw() {
            Integer item = getItem();
            ByteView b = vm.hex().bytes();
            int row = isEmpty() || item == null || item * ROW >= b.length() ? -1 : item;
            HexViewModel m = vm.hex();
            int caret = -1;
            long key = 0;
            if (row >= 0) {
                int base = row * ROW;
                int c = m.caretProperty().get() - base;
                caret = c >= 0 && c < ROW ? c : -1;
                for (int i = 0; i < ROW; i++) {
                    marks[i] = m.markOf(base + i);
                    key |= (long) marks[i].ordinal() << (2 * i);
                }
                key |= (long) (caret + 1) << (2 * ROW);
            }
            if (row == drawnRow && b == drawnBytes && key == drawnKey && look == drawnLook) {
                return;
            }
            HexRowLayout lay = rowLayout();
            double width = lay.width();
            if (canvas.getWidth() != width) {
                canvas.setWidth(width);
            }
            if (row < 0) {
                canvas.getGraphicsContext2D().setFill(inks.background());
                canvas.getGraphicsContext2D().fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            } else {
                HexRowPainter.paint(canvas.getGraphicsContext2D(), width, ROW_HEIGHT, lay, inks, metrics, b, row, marks, caret);
                rowsPainted++;
            }
            drawnRow = row;
            drawnBytes = b;
            drawnKey = key;
            drawnLook = look;
            drawnCaret = caret;
            drawnInks = inks;
        }

        /** Whether this cell's row is on screen: shown by the flow, inside the view's bounds. */
        private boolean onScreen() {
            if (drawnRow < 0 || getScene() == null) {
                return false;
            }
            for (Node n = this; n != HexView.this; n = n.getParent()) {
                if (n == null || !n.isVisible()) {
                    return false;
                }
            }
            Bounds inView = HexView.this.sceneToLocal(localToScene(getLayoutBounds()));
            return inView.intersects(HexView.this.getLayoutBounds());
        }

        Optional<ByteLook> lookOf(int offset) {
            if (offset / ROW != drawnRow || offset < 0 || offset >= drawnBytes.length() || !onScreen()) {
                return Optional.empty();
            }
            int i = offset - drawnRow * ROW;
            HexRowLayout lay = rowLayout();
            Bounds box = HexView.this.sceneToLocal(canvas.localToScene(new BoundingBox(lay.hexX(i), 0, lay.hexWidth(i),
                    HexRowPainter.boxHeight(metrics, drawnCaret >= 0))));
            Mark mark = marks[i];
            return Optional.of(new ByteLook(offset, mark, i == drawnCaret, drawnInks.fillOf(mark), drawnInks.textOf(mark), box));
        }

        void marked(Mark mark, Set<Integer> out) {
            if (!onScreen()) {
                return;
            }
            int n = Math.min(ROW, drawnBytes.length() - drawnRow * ROW);
            for (int i = 0; i < n; i++) {
                if (marks[i] == mark) {
                    out.add(drawnRow * ROW + i);
                }
            }
        }
    }
}
