package org.nlwb.decoder.ynl;


/**
 * The size limits of a spec file that are checked on its bytes, before any YAML parsing: the
 * file's size ({@link YamlReader#MAX_FILE_BYTES}) and the length of each line
 * ({@link YamlReader#MAX_LINE_CHARS}); {@link YamlReader} says why each exists. A problem is located
 * where the limit is crossed: the line and column of the first byte past it.
 */
final class SpecFileLimits {
    private SpecFileLimits() {
    }

    /** The first limit {@code content} breaks, or null. */
    static SpecProblem check(String file, byte[] content) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(content.length, YamlReader.MAX_FILE_BYTES + 1);
        for (int i = 0; i < end; i++) {
            byte b = content[i];
            if (b == '\n' || (b == '\r' && (i + 1 >= content.length || content[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            } else if (b != '\r' && i - lineStart >= YamlReader.MAX_LINE_CHARS) {
                return new SpecProblem(file, line, i - lineStart + 1, "", "line longer than " + YamlReader.MAX_LINE_CHARS
                        + " bytes (16 KiB); spec lines are limited to that because the YAML parser takes time "
                        + "quadratic in the length of one line, and every command reads every spec on the search path");
            }
        }
        if (content.length > YamlReader.MAX_FILE_BYTES) {
            return new SpecProblem(file, line, YamlReader.MAX_FILE_BYTES - lineStart + 1, "", "the file is "
                    + content.length + " bytes; spec files are limited to " + YamlReader.MAX_FILE_BYTES
                    + " bytes (3 MiB) so that a stray file in ~/.config/nlwb/specs or another spec directory cannot "
                    + "slow every command (the largest kernel spec is about 80 KiB)");
        }
        return null;
    }
}
