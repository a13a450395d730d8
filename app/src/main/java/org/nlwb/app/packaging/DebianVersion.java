package org.nlwb.app.packaging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The .deb's version for a build version ({@link org.nlwb.app.build.BuildInfo}): it must start with
 * a digit and, since the package has no Debian revision, hold no hyphen; builds must sort as they
 * were made. A tag gives the version ({@code v0.2.0-3-g1a2b3c4-dirty} is {@code 0.2.0+3.g1a2b3c4.dirty});
 * an untagged commit sorts before the POM's release ({@code 1a2b3c4} with POM 0.1.0-SNAPSHOT is
 * {@code 0.1.0~git1a2b3c4}), and so does a build without git ({@code 0.1.0~SNAPSHOT}); a hyphen in
 * a tag becomes {@code ~}, so {@code v1.0-rc1} ({@code 1.0~rc1}) sorts before {@code v1.0}.
 * Pitfall: a tag of seven or more hex digits alone ({@code 20240501}) reads as a commit name.
 *
 * @param value the version for the control file's Version field
 */
public record DebianVersion(String value) {
    /** An abbreviated commit name, as git describe --always gives when no tag is reachable. */
    private static final Pattern COMMIT = Pattern.compile("([0-9a-f]{7,40})(-dirty)?");
    private static final Pattern TAGGED = Pattern.compile("v?(\\d[0-9A-Za-z.+~-]*?)(?:-(\\d+)-g([0-9a-f]+))?(-dirty)?");
    private static final Pattern RELEASE = Pattern.compile("^\\d+(\\.\\d+)*");

    public static DebianVersion of(String buildVersion, String pomVersion) {
        String base = release(pomVersion);
        Matcher commit = COMMIT.matcher(buildVersion);
        if (commit.matches()) {
            return new DebianVersion(base + "~git" + commit.group(1) + (commit.group(2) != null ? ".dirty" : ""));
        }
        Matcher tag = TAGGED.matcher(buildVersion);
        if (tag.matches()) {
            return new DebianVersion(tag.group(1).replace('-', '~') + (tag.group(2) != null ? "+" + tag.group(2) + ".g" + tag.group(3) : "")
                    + (tag.group(4) != null ? ".dirty" : ""));
        }
        String rest = buildVersion.startsWith(base) ? buildVersion.substring(base.length()) : buildVersion;
        String suffix = rest.replaceAll("[^0-9A-Za-z.+~]+", ".").replaceAll("^\\.+|\\.+$", "");
        return new DebianVersion(suffix.isEmpty() ? base : base + "~" + suffix);
    }

    /** The leading dotted numbers of a POM version ({@code 0.1.0} of {@code 0.1.0-SNAPSHOT}), "0" without any. */
    public static String release(String pomVersion) {
        Matcher m = RELEASE.matcher(pomVersion);
        return m.find() ? m.group() : "0";
    }
}
