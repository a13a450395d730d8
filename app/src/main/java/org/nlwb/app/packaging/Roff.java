package org.nlwb.app.packaging;

/**
 * Text made safe for roff with the man macros. Every minus sign becomes {@code \-}, so an option
 * copied from the rendered page is typed with ASCII minus signs rather than hyphens; backslashes
 * are escaped; a line that would start with a control character ({@code .} or {@code '}) is
 * guarded, since roff would take it for a request.
 */
final class Roff {
    private Roff() {
    }

    /** Body text: may span lines; each line escaped and guarded, leading blanks dropped (they break lines). */
    static String text(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            String l = line.strip().replace("\\", "\\e").replace("-", "\\-");
            if (l.startsWith(".") || l.startsWith("'")) {
                out.append("\\&");
            }
            out.append(l);
        }
        return out.toString();
    }

    /** A macro argument: one line, in double quotes. */
    static String quoted(String s) {
        return "\"" + text(s.replace('\n', ' ')).replace("\"", "\\(dq") + "\"";
    }

    static String bold(String s) {
        return "\\fB" + text(s) + "\\fR";
    }

    static String italic(String s) {
        return "\\fI" + text(s) + "\\fR";
    }
}
