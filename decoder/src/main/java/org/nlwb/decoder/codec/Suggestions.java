package org.nlwb.decoder.codec;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for names a person mistyped: the closest known name within a small edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** {@code " (did you mean ifname?)"}, or empty when nothing is close. */
    public static String suggestion(String wrong, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String w = wrong.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        int allowed = Math.max(1, Math.min(3, wrong.length() / 3));
        return best != null && bestD <= allowed ? " (did you mean " + best + "?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A short list of names for an error message. */
    public static String list(Collection<String> names) {
        if (names.size() <= 12) {
            return String.join(", ", names);
        }
        return String.join(", ", names.stream().limit(12).toList()) + ", … (" + names.size() + " in all)";
    }
}
