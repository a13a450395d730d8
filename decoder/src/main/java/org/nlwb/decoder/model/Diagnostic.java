package org.nlwb.decoder.model;

import java.util.Objects;
import org.nlwb.decoder.bytes.Printable;

/**
 * Something a reader or decoder wants a person to know: where (file and line, or offset) and
 * what. Malformed input is reported this way; it never stops the rest from loading.
 *
 * <p>Both texts are always printable: control characters (ESC, BEL, C1 ...) in them are shown as
 * {@code \xNN} ({@link Printable#escape}), so text a file or a traced program supplied cannot
 * drive the terminal or the window that shows the diagnostic. Readers escape what they quote
 * where they quote it; this is the backstop for every other source.
 *
 * @param location a place a person can find: {@code "trace.txt:41"}, {@code "x.pcap @ 0x3c0"},
 *                 {@code "message 7 @ 24"}
 */
public record Diagnostic(Severity severity, String location, String message) {

    public enum Severity {
        ERROR, WARNING, INFO;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(location);
        Objects.requireNonNull(message);
        location = Printable.escape(location);
        message = Printable.escape(message);
    }

    public static Diagnostic error(String location, String message) {
        return new Diagnostic(Severity.ERROR, location, message);
    }

    public static Diagnostic warning(String location, String message) {
        return new Diagnostic(Severity.WARNING, location, message);
    }

    public static Diagnostic info(String location, String message) {
        return new Diagnostic(Severity.INFO, location, message);
    }

    @Override
    public String toString() {
        return severity.label() + ": " + location + ": " + message;
    }
}
