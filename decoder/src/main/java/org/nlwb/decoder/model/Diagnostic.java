package org.nlwb.decoder.model;

import java.util.Objects;

/**
 * Something a reader or decoder wants a person to know: where (file and line, or offset) and
 * what. Malformed input is reported this way; it never stops the rest from loading.
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
