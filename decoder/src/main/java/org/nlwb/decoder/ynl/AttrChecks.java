package org.nlwb.decoder.ynl;

/**
 * An attribute's {@code checks:} as far as they bound what may be sent: the kernel's policy
 * ranges and lengths. Each bound is null when the spec does not give it (or names a limit this
 * reader cannot resolve). Read by editors ({@code EditorHint}); the encoder does not enforce them,
 * so a request the kernel must refuse can still be crafted.
 *
 * @param min       {@code min}: smallest integer value
 * @param max       {@code max}: largest integer value ({@code u32-max} and the like resolved)
 * @param minLength {@code min-len} or {@code exact-len}, in bytes
 * @param maxLength {@code max-len} or {@code exact-len}, in bytes (a string's length without its NUL)
 */
public record AttrChecks(Long min, Long max, Integer minLength, Integer maxLength) {
    public static final AttrChecks NONE = new AttrChecks(null, null, null, null);

    public boolean isEmpty() {
        return min == null && max == null && minLength == null && maxLength == null;
    }
}
