package org.nlwb.app.ui.compose;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.stage.FileChooser;
import org.nlwb.decoder.encode.EncodeException;

/** Save and Load of a composer tab: the JSON description, the datagram's bytes (.data) or hex (.hex). */
final class ComposerFileActions {
    private final ComposerTab tab;

    ComposerFileActions(ComposerTab tab) {
        this.tab = tab;
    }

    Button saveButton() {
        Button b = new Button("Save…");
        b.setOnAction(e -> {
            File f = chooser("Save composed message").showSaveDialog(tab.host().owner());
            if (f != null) {
                save(f.toPath());
            }
        });
        return b;
    }

    Button loadButton() {
        Button b = new Button("Load…");
        b.setOnAction(e -> {
            File f = chooser("Load composed message").showOpenDialog(tab.host().owner());
            if (f != null) {
                load(f.toPath());
            }
        });
        return b;
    }

    private static FileChooser chooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON description", "*.json"),
                new FileChooser.ExtensionFilter("Bytes", "*.data"), new FileChooser.ExtensionFilter("Hex", "*.hex"));
        return fc;
    }

    /** Saves by the name's extension: .json the description (typed mode only), .hex hex text, else bytes. */
    void save(Path file) {
        Composition c = tab.composition();
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".json")) {
                if (c.isRaw()) {
                    throw new IOException("raw bytes have no JSON description: save them as .data or .hex");
                }
                ComposerFiles.saveText(file, ComposerFiles.describe(c.messages().stream().map(ComposedMessage::request).toList()));
            } else {
                byte[] b = c.datagram(tab.encoder(), n -> ComposedMessage.PLACEHOLDER_GENL_ID);
                if (name.endsWith(".hex")) {
                    ComposerFiles.saveText(file, HexText.format(b) + "\n");
                } else {
                    ComposerFiles.save(file, b);
                }
            }
            tab.host().status("Saved " + file);
        } catch (IOException | EncodeException e) {
            tab.host().status("Cannot save " + file + ": " + e.getMessage());
        }
    }

    void load(Path file) {
        try {
            ComposerFiles.Loaded l = ComposerFiles.load(file);
            if (l instanceof ComposerFiles.Described d) {
                tab.load(d.requests());
            } else if (l instanceof ComposerFiles.Raw r) {
                tab.loadRaw(tab.composition().protocolOrZero(tab.encoder()), tab.composition().familyName(), r.bytes());
            }
            tab.host().status("Loaded " + file);
        } catch (IOException e) {
            tab.host().status("Cannot load " + file + ": " + e.getMessage());
        }
    }
}
