package org.nlwb.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Text for messages: why a file could not be read, in words ({@code no such file}, not the
 * exception's class or the path twice), and text from a file with its control characters
 * escaped, so quoting a file can never retitle or clear the terminal.
 */
final class Plain {
    private Plain() {
    }

    /** {@code no such file}, {@code permission denied}, {@code is a directory}, or the exception's own reason. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        if (why == null || why.isBlank()) {
            return "cannot be read";
        }
        // the JDK's own reasons are strerror texts ("Is a directory"); they read better in lower case mid-sentence
        return why.length() > 1 && Character.isUpperCase(why.charAt(0)) && Character.isLowerCase(why.charAt(1))
                ? Character.toLowerCase(why.charAt(0)) + why.substring(1) : why;
    }

    /** {@code s} with C0 controls, DEL and C1 controls as {@code \xNN}/{@code \\uNNNN}, everything else as it is. */
    static String escaped(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else if (c >= 0x80 && c < 0xa0) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * {@code 1 message}, {@code 2 messages}, {@code 0 messages}: a count with its noun, plural by
     * adding "s" (say {@link #count(long, String, String)} for another plural).
     */
    static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** {@code 1 reply}, {@code 2 replies}. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
