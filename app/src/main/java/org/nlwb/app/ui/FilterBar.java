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
import org.nlwb.decoder.filter.FilterVocabulary;
import org.nlwb.decoder.filter.FilterSyntaxException;
import org.nlwb.decoder.registry.Registry;

/**
 * The display-filter field. Parses as the user types, against the names the registry's classes and
 * the messages shown so far know, and shows the first error inline (where and what, with the name
 * meant: a "Use …" button puts it in); a name no class knows is a warning and the filter still
 * applies. Enter or Apply hands a parsed {@link Filter} to the window; a text that does not parse is
 * never applied, and while the text differs from the filter in force, a label says which filter the
 * list shows.
 */
public final class FilterBar extends HBox {
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final Button fixButton = new Button();
    private final Label inForceLabel = new Label();
    private final ReadOnlyObjectWrapper<FilterSyntaxException> problem = new ReadOnlyObjectWrapper<>();
    private final ContextMenu suggestions = new ContextMenu();
    private Supplier<Collection<String>> fieldNames = () -> Filter.PSEUDO_FIELDS;
    private final FilterNames names = new FilterNames();
    /** The text of the filter the list shows (trimmed); "" for all messages. */
    private String inForce = "";

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
        error.textProperty().addListener((o, was, t) -> error.setTooltip(t.isEmpty() ? null : new Tooltip(t)));
        fixButton.setId("filter-fix");
        fixButton.setMnemonicParsing(false);
        fixButton.setVisible(false);
        fixButton.managedProperty().bind(fixButton.visibleProperty());
        inForceLabel.setId("filter-in-force");
        inForceLabel.getStyleClass().add("filter-in-force");
        inForceLabel.setMnemonicParsing(false);
        inForceLabel.setVisible(false);
        inForceLabel.managedProperty().bind(inForceLabel.visibleProperty());
        inForceLabel.setMaxWidth(260);
        Button applyButton = new Button("Apply");
        Button clear = new Button("Clear");
        Label title = new Label("Filter");
        // when the bar is short of room the message gives way (its tooltip keeps it whole), never the
        // field, the buttons or their words
        field.setMinWidth(200);
        error.setMinWidth(60);
        for (javafx.scene.layout.Region r : List.of(title, fixButton, applyButton, clear)) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        getChildren().addAll(title, field, error, fixButton, inForceLabel, applyButton, clear);
        field.textProperty().addListener((o, was, text) -> {
            check(text);
            showInForce();
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
                Filter f = Filter.parse(field.getText(), names.vocabulary());
                inForce = f.text();
                apply.accept(f);
            } catch (FilterSyntaxException e) {
                check(field.getText()); // not applied: the list keeps the filter in force, and says which
            }
            showInForce();
        };
        fixButton.setOnAction(e -> {
            FilterSyntaxException p = problem.get();
            if (p != null && p.fix().isPresent()) {
                field.setText(p.fix().get().applyTo(field.getText()));
                field.positionCaret(field.getText().length());
                doApply.run();
            }
        });
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

    /**
     * Where the names a filter is checked against come from: the registry decoding now (its
     * vocabulary is built once per registry) and the node names of the messages shown so far.
     */
    public void setVocabulary(Supplier<Registry> registry, Supplier<Collection<String>> seenNames) {
        names.use(registry, seenNames);
        check(field.getText());
    }

    /**
     * Builds the filter vocabulary on a background thread now (a file is open), so the first
     * keystroke does not wait for it on the FX thread.
     */
    public void buildVocabularyAhead() {
        names.buildAhead();
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

    /** The "Use IFLA_IFNAME" button of a misspelt name; hidden when there is nothing to apply. */
    public Button fixButton() {
        return fixButton;
    }

    /** Says which filter the list shows while the field's text is another one; hidden when they agree. */
    public Label inForceLabel() {
        return inForceLabel;
    }

    /** The text of the filter the list shows; "" when it shows every message. */
    public String inForce() {
        return inForce;
    }

    private void showInForce() {
        boolean differs = !field.getText().trim().equals(inForce);
        inForceLabel.setVisible(differs);
        inForceLabel.setText(!differs ? "" : inForce.isEmpty() ? "Showing: all messages" : "Showing: " + inForce);
        inForceLabel.setTooltip(differs ? new Tooltip("The list shows " + (inForce.isEmpty() ? "all messages"
                : inForce) + "; Enter applies the text typed") : null);
    }

    private void check(String text) {
        fixButton.setVisible(false);
        error.getStyleClass().remove("filter-warning-text");
        try {
            // a blank filter names nothing: the vocabulary (every spec's names, read for it) is built
            // when there is text to check, not while the window is being built
            Filter f = Filter.parse(text, text.isBlank() ? FilterVocabulary.none() : names.vocabulary());
            problem.set(null);
            error.setText(f.warnings().isEmpty() ? "" : "column " + (f.warnings().get(0).position() + 1) + ": "
                    + f.warnings().get(0).message());
            if (!f.warnings().isEmpty()) {
                error.getStyleClass().add("filter-warning-text");
            }
            field.getStyleClass().remove("filter-invalid");
            if (!text.isBlank() && !field.getStyleClass().contains("filter-valid")) {
                field.getStyleClass().add("filter-valid");
            } else if (text.isBlank()) {
                field.getStyleClass().remove("filter-valid");
            }
        } catch (FilterSyntaxException e) {
            problem.set(e);
            error.setText("column " + (e.position() + 1) + ": " + e.reason());
            e.fix().ifPresent(fix -> {
                fixButton.setText("Use " + fix.replacement());
                fixButton.setVisible(true);
            });
            field.getStyleClass().remove("filter-valid");
            if (!field.getStyleClass().contains("filter-invalid")) {
                field.getStyleClass().add("filter-invalid");
            }
        }
    }

    /**
     * Shows {@code text} as the filter in force without applying it: the tab switched to shows it,
     * or the window applies it next (apply-as-filter).
     */
    public void setText(String text) {
        inForce = text.trim();
        field.setText(text);
        showInForce();
    }
}
