package org.nlwb.decoder.codec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for names a person mistyped: the closest known name within a small edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** {@code " (did you mean ifname?)"}, or empty when nothing is close. */
    public static String suggestion(String wrong, Collection<String> known) {
        return closest(wrong, known).map(k -> " (did you mean " + k + "?)").orElse("");
    }

    /**
     * The known name closest to {@code wrong} (case-insensitive edit distance, at most a third of
     * its length and never more than 3), or empty when nothing is that close. An exact match counts.
     */
    public static Optional<String> closest(String wrong, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String w = wrong.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, wrong.length() / 3));
        for (String k : known) {
            if (Math.abs(k.length() - w.length()) > allowed) {
                continue; // cannot be close: spares the distance over large vocabularies
            }
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best != null && bestD <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * Edit distance where swapping two neighbouring characters counts as one edit, the commonest
     * slip of a typist ({@code tpye}); otherwise Levenshtein.
     */
    static int distance(String a, String b) {
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                int d = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                cur[j] = d;
            }
            int[] t = before;
            before = prev;
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
