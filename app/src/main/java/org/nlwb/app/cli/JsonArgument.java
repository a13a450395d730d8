package org.nlwb.app.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON value of an option ({@code --json}, {@code --multi OP JSON}): the text itself, or
 * {@code @FILE} for a file's content (read here: picocli's own @-files are off, they would split
 * the file into arguments). Errors say what is wrong and where in plain words:
 * {@code --json: unexpected end of input at line 1, column 12}; never a parser class or its
 * source excerpt. A second value after the first is an error, not silently dropped.
 */
final class JsonArgument {
    /** The largest @FILE read: a description of one message is far smaller. */
    static final int MAX_FILE_BYTES = 16 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern CHARACTER = Pattern.compile("\\('(.+?)' \\(code (\\d+)\\)\\)");
    private static final Pattern CONTROL = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern EXPECTING_VALUE = Pattern.compile(
            "(a valid value )?\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)");

    private JsonArgument() {
    }

    /**
     * @param option the option as the message names it ({@code --json})
     * @param text   the JSON text, or {@code @FILE}
     */
    static JsonNode parse(String option, String text) throws UsageError {
        String where = option;
        String json = text;
        if (text.startsWith("@") && text.length() > 1) {
            Path file = Path.of(text.substring(1));
            where = option + " " + text;
            json = read(where, file);
        }
        try (JsonParser p = MAPPER.createParser(json)) {
            JsonNode value = MAPPER.readTree(p);
            if (value == null || value.isMissingNode()) {
                throw new UsageError(where + ": no JSON value" + (json.isBlank() ? " (the text is empty)" : ""));
            }
            if (p.nextToken() != null) {
                throw new UsageError(where + ": more text after the JSON value" + at(p.currentTokenLocation()));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new UsageError(where + ": " + describe(e) + at(e.getLocation()));
        } catch (IOException e) {
            throw new UsageError(where + ": " + Plain.reason(e));
        }
    }

    private static String read(String where, Path file) throws UsageError {
        try {
            if (Files.isDirectory(file)) {
                throw new UsageError(where + ": is a directory");
            }
            byte[] b;
            try (InputStream in = Files.newInputStream(file)) {
                b = in.readNBytes(MAX_FILE_BYTES + 1); // bounded: a device or pipe need not end
            }
            if (b.length > MAX_FILE_BYTES) {
                throw new UsageError(where + ": more than " + MAX_FILE_BYTES + " bytes; a JSON description is read up to "
                        + MAX_FILE_BYTES + " bytes");
            }
            String s = new String(b, StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s; // a byte-order mark is no JSON
        } catch (IOException e) {
            throw new UsageError(where + ": " + Plain.reason(e));
        }
    }

    /** The parser's complaint without its class, source excerpt or codes: {@code unexpected character '}'}. */
    static String describe(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return "unexpected end of input";
        }
        String m = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage();
        for (String cut : new String[] {"\n", " (start marker at", " at [Source", "[Source:"}) {
            int i = m.indexOf(cut);
            if (i >= 0) {
                m = m.substring(0, i);
            }
        }
        m = m.replace("end-of-input", "end of input");
        m = EXPECTING_VALUE.matcher(m).replaceAll("a JSON value");
        Matcher c = CONTROL.matcher(m);
        m = c.replaceAll(r -> "(control character " + r.group(1) + ")");
        c = CHARACTER.matcher(m);
        m = c.replaceAll(r -> Matcher.quoteReplacement("'" + Plain.escaped(r.group(1)) + "'"));
        m = Plain.escaped(m.strip());
        return m.isEmpty() ? "not valid JSON" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }

    private static String at(JsonLocation l) {
        return l == null || l.getLineNr() < 1 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
