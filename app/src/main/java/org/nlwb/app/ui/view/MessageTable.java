package org.nlwb.app.ui.view;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import org.nlwb.app.ui.model.CaptureDocument;
import org.nlwb.app.ui.model.MessageListModel;
import org.nlwb.decoder.decode.DecodedMessage;
import org.nlwb.decoder.filter.MessageRole;
import org.nlwb.decoder.message.NlFlags;
import org.nlwb.decoder.model.MessageRef;
import org.nlwb.decoder.model.Protocol;
import org.nlwb.decoder.model.Record;

/**
 * The message list. A virtualised table of {@link MessageRef}s: number, time, Δt, direction,
 * pid, protocol and seq/len come from the header bytes; type name, flags names and the summary
 * need a decode, which the cells do for visible rows only through the document's bounded cache.
 * Rows are coloured by {@link RowCategory} with the user's rules.
 */
public final class MessageTable extends TableView<MessageRef> {
    private final CaptureDocument doc;
    private final Supplier<Map<RowCategory, Color>> colours;

    public MessageTable(MessageListModel model, Supplier<Map<RowCategory, Color>> colours) {
        super(model.rows());
        this.doc = model.document();
        this.colours = colours;
        getStyleClass().add("message-table");
        setFixedCellSize(22);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        getColumns().add(col("#", 44, r -> Integer.toString(r.index() + 1)));
        getColumns().add(col("Time", 78, this::time));
        getColumns().add(col("Δt", 72, this::delta));
        getColumns().add(col("Direction", 90, r -> MessageRole.of(r).label()));
        getColumns().add(col("PID", 54, r -> r.record().pid() < 0 ? "" : Integer.toString(r.record().pid())));
        getColumns().add(col("Protocol", 66, r -> r.record().protocol() == Protocol.UNKNOWN ? ""
                : Protocol.shortName(r.record().protocol())));
        getColumns().add(col("Type", 152, r -> decoded(r).typeName()));
        getColumns().add(col("Flags", 164, this::flags));
        getColumns().add(col("Seq", 98, r -> r.hasHeader() ? Long.toString(r.seq()) : ""));
        getColumns().add(col("Len", 46, r -> Integer.toString(r.length())));
        TableColumn<MessageRef, MessageRef> summary = col("Summary", 520, r -> decoded(r).summary());
        getColumns().add(summary);
        setRowFactory(t -> new CategoryRow());
        // Several rows can be selected for "Export selected"; the panes show the last one clicked.
        getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        setPlaceholder(new Label("No messages (the filter keeps none, or the file holds none)"));
    }

    private DecodedMessage decoded(MessageRef r) {
        return doc.decoded(r.index());
    }

    private String flags(MessageRef r) {
        if (!r.hasHeader()) {
            return "";
        }
        return NlFlags.describe(r.flags(), NlFlags.kindOfName(decoded(r).typeName()));
    }

    private String time(MessageRef r) {
        long t = r.record().timeNanos();
        long t0 = doc.firstTime();
        if (t < 0 || t0 < 0) {
            return "";
        }
        return String.format("%.6f", (t - t0) / 1e9);
    }

    private String delta(MessageRef r) {
        if (r.index() == 0) {
            return time(r).isEmpty() ? "" : "0.000000";
        }
        Record prev = doc.message(r.index() - 1).record();
        long t = r.record().timeNanos();
        if (t < 0 || prev.timeNanos() < 0) {
            return "";
        }
        return String.format("%.6f", (t - prev.timeNanos()) / 1e9);
    }

    private static TableColumn<MessageRef, MessageRef> col(String title, double width, Function<MessageRef, String> text) {
        TableColumn<MessageRef, MessageRef> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> new TableCell<>() {
            @Override
            protected void updateItem(MessageRef r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : text.apply(r));
            }
        });
        return c;
    }

    private final class CategoryRow extends TableRow<MessageRef> {
        CategoryRow() {
            selectedProperty().addListener((o, was, sel) -> paint(getItem()));
        }

        @Override
        protected void updateItem(MessageRef r, boolean empty) {
            super.updateItem(r, empty);
            paint(empty ? null : r);
        }

        private void paint(MessageRef r) {
            getStyleClass().removeIf(s -> s.startsWith("cat-"));
            if (r == null) {
                setStyle(null);
                return;
            }
            RowCategory cat = RowCategory.of(r, decoded(r));
            if (cat != null) {
                getStyleClass().add("cat-" + cat.name().toLowerCase(java.util.Locale.ROOT));
            }
            Color c = cat == null ? null : colours.get().get(cat);
            setStyle(c == null || isSelected() ? null : "-fx-background-color: " + WebColour.of(c) + ";"
                    + "-fx-text-background-color: " + (c.getBrightness() > 0.6 ? "#1a1a1a" : "#f0f0f0") + ";");
        }
    }
}
