package org.nlwb.decoder.diff;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One noise rule: a pattern over difference paths and why it is noise.
 *
 * <p>The pattern is a node name, the end of a path ({@code nlmsghdr/nlmsg_seq}) or a metadata
 * field ({@code @time}); {@code *} in a segment matches any run of characters. A rule matches a
 * path when its segments equal the path's last segments, occurrence marks ({@code #2}) aside.
 * Matching a node covers what lies below it: the caller asks for each prefix of a path.
 *
 * @param line where the rule came from ({@code noise-rules.txt:12}), for {@code --show-rules}
 */
public record NoiseRule(String pattern, String reason, String line) {

    public NoiseRule {
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.isBlank() || pattern.startsWith("/") || pattern.endsWith("/") || pattern.contains("//")) {
            throw new IllegalArgumentException("not a rule pattern: \"" + pattern + "\"");
        }
        reason = reason == null ? "" : reason;
    }

    /** Whether this rule names {@code path} (segments as in {@link Difference#path}). */
    public boolean matches(List<String> path) {
        String[] want = pattern.split("/");
        if (want.length > path.size()) {
            return false;
        }
        int base = path.size() - want.length;
        for (int i = 0; i < want.length; i++) {
            if (!glob(want[i]).matcher(withoutOccurrence(path.get(base + i))).matches()) {
                return false;
            }
        }
        return true;
    }

    private static Pattern glob(String segment) {
        List<String> parts = new java.util.ArrayList<>();
        for (String part : segment.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts));
    }

    /** {@code IFLA_ALT_IFNAME#2} → {@code IFLA_ALT_IFNAME}. */
    static String withoutOccurrence(String segment) {
        int hash = segment.lastIndexOf('#');
        return hash > 0 && segment.substring(hash + 1).chars().allMatch(Character::isDigit) ? segment.substring(0, hash) : segment;
    }
}
