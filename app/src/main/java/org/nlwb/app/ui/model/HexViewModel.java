package org.nlwb.app.ui.model;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.nlwb.decoder.bytes.ByteView;

/**
 * State of the hex pane: the message's bytes, the highlighted range (the selected node's exact
 * bytes), the shaded range (its parent's) and the caret. The view draws rows from these and
 * reports clicks, drags and arrow keys back as byte ranges; it holds no state of its own.
 */
public final class HexViewModel {
    public static final int BYTES_PER_ROW = 16;

    private final ReadOnlyObjectWrapper<ByteView> bytes = new ReadOnlyObjectWrapper<>(ByteView.empty());
    private final ReadOnlyObjectWrapper<ByteRange> highlighted = new ReadOnlyObjectWrapper<>(ByteRange.NONE);
    private final ReadOnlyObjectWrapper<ByteRange> shaded = new ReadOnlyObjectWrapper<>(ByteRange.NONE);
    private final ReadOnlyIntegerWrapper caret = new ReadOnlyIntegerWrapper(-1);

    public ReadOnlyObjectProperty<ByteView> bytesProperty() {
        return bytes.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ByteRange> highlightedProperty() {
        return highlighted.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ByteRange> shadedProperty() {
        return shaded.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty caretProperty() {
        return caret.getReadOnlyProperty();
    }

    public ByteView bytes() {
        return bytes.get();
    }

    public ByteRange highlighted() {
        return highlighted.get();
    }

    public ByteRange shaded() {
        return shaded.get();
    }

    public int rowCount() {
        return (bytes.get().length() + BYTES_PER_ROW - 1) / BYTES_PER_ROW;
    }

    void show(ByteView b) {
        highlighted.set(ByteRange.NONE);
        shaded.set(ByteRange.NONE);
        caret.set(-1);
        bytes.set(b);
    }

    void mark(ByteRange exact, ByteRange parent) {
        shaded.set(parent);
        highlighted.set(exact);
        if (!exact.isEmpty() && !exact.contains(caret.get())) {
            caret.set(exact.from());
        }
    }

    void moveCaret(int to) {
        caret.set(Math.max(0, Math.min(to, bytes.get().length() - 1)));
    }

    /** How a byte is drawn. */
    public enum Mark { NONE, SHADED, HIGHLIGHTED }

    public Mark markOf(int offset) {
        if (highlighted.get().contains(offset)) {
            return Mark.HIGHLIGHTED;
        }
        return shaded.get().contains(offset) ? Mark.SHADED : Mark.NONE;
    }

    /** A half-open byte range {@code [from, to)} within the message. */
    public record ByteRange(int from, int to) {
        public static final ByteRange NONE = new ByteRange(0, 0);

        public boolean contains(int offset) {
            return offset >= from && offset < to;
        }

        public boolean isEmpty() {
            return to <= from;
        }

        public int length() {
            return Math.max(0, to - from);
        }
    }
}
