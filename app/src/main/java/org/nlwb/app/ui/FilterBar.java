package org.nlwb.app.ui;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
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
    private final ContextMenu suggestions = new ContextMenu();
    private Supplier<Collection<String>> fieldNames = () -> Filter.PSEUDO_FIELDS;

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
        field.textProperty().addListener((o, was, text) -> {
            check(text);
            if (field.isFocused()) {
                suggest();
            }
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                suggestions.hide();
            }
        });
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

    /** Where completion finds field names (node names seen so far, plus the pseudo-fields). */
    public void setFieldNames(Supplier<Collection<String>> names) {
        this.fieldNames = names;
    }

    public ContextMenu suggestions() {
        return suggestions;
    }

    /** Offers field names that start with the word before the caret (at least two letters typed). */
    private void suggest() {
        String text = field.getText();
        int caret = Math.min(field.getCaretPosition(), text.length());
        // The caret moves after the text property changes; complete up to the end of the word typed.
        int end = caret;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        int start = end;
        while (start > 0 && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        String prefix = text.substring(start, end);
        if (prefix.length() < 2 || Character.isDigit(prefix.charAt(0))) {
            suggestions.hide();
            return;
        }
        String lower = prefix.toLowerCase(Locale.ROOT);
        List<String> matches = fieldNames.get().stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(lower) && !n.equals(prefix))
                .distinct().sorted().limit(12).toList();
        if (matches.isEmpty()) {
            suggestions.hide();
            return;
        }
        int from = start;
        int to = end;
        suggestions.getItems().setAll(matches.stream().map(n -> {
            MenuItem mi = new MenuItem(n);
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> {
                String t = field.getText();
                field.setText(t.substring(0, from) + n + t.substring(Math.min(to, t.length())));
                field.positionCaret(from + n.length());
                suggestions.hide();
            });
            return mi;
        }).toList());
        if (!suggestions.isShowing() && field.getScene() != null && field.getScene().getWindow() != null) {
            suggestions.show(field, Side.BOTTOM, 0, 0);
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
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
