package org.nlwb.app.ui;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.nlwb.decoder.filter.Filter;
import org.nlwb.decoder.filter.FilterSyntaxException;

/**
 * The display-filter field. Parses as the user types and shows the first error inline (where
 * and what); Enter or Apply hands a parsed {@link Filter} to the window.
 */
public final class FilterBar extends HBox {
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final ReadOnlyObjectWrapper<FilterSyntaxException> problem = new ReadOnlyObjectWrapper<>();

    public FilterBar(Consumer<Filter> apply) {
        super(6);
        getStyleClass().add("filter-bar");
        setAlignment(Pos.CENTER_LEFT);
        field.setId("filter-field");
        field.setPromptText("Filter: type == RTM_NEWLINK && IFLA_IFNAME == \"lo\"    error != 0    IFLA_MTU > 1500");
        field.setTooltip(new Tooltip("Fields: any node name (IFLA_IFNAME, ifi_index, ...) or type, flags, seq, pid, "
                + "len, direction, protocol, error\nOperators: == != < <= > >= contains  && || ! ( )\n"
                + "Enter applies; Esc clears"));
        HBox.setHgrow(field, Priority.ALWAYS);
        error.setId("filter-error");
        error.getStyleClass().add("filter-error-text");
        error.setMaxWidth(420);
        Button applyButton = new Button("Apply");
        Button clear = new Button("Clear");
        getChildren().addAll(new Label("Filter"), field, error, applyButton, clear);
        field.textProperty().addListener((o, was, text) -> check(text));
        Runnable doApply = () -> {
            try {
                apply.accept(Filter.parse(field.getText()));
            } catch (FilterSyntaxException e) {
                check(field.getText());
            }
        };
        field.setOnAction(e -> doApply.run());
        applyButton.setOnAction(e -> doApply.run());
        clear.setOnAction(e -> {
            field.clear();
            doApply.run();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.clear();
                doApply.run();
            }
        });
    }

    public TextField field() {
        return field;
    }

    /** The current text's syntax error, or null. */
    public ReadOnlyObjectProperty<FilterSyntaxException> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Label errorLabel() {
        return error;
    }

    private void check(String text) {
        try {
            Filter.parse(text);
            problem.set(null);
            error.setText("");
            field.getStyleClass().remove("filter-invalid");
            if (!text.isBlank() && !field.getStyleClass().contains("filter-valid")) {
                field.getStyleClass().add("filter-valid");
            } else if (text.isBlank()) {
                field.getStyleClass().remove("filter-valid");
            }
        } catch (FilterSyntaxException e) {
            problem.set(e);
            error.setText("column " + (e.position() + 1) + ": " + e.reason());
            field.getStyleClass().remove("filter-valid");
            if (!field.getStyleClass().contains("filter-invalid")) {
                field.getStyleClass().add("filter-invalid");
            }
        }
    }

    /** Shows {@code text} without applying it (tab switch, apply-as-filter). */
    public void setText(String text) {
        field.setText(text);
    }
}
