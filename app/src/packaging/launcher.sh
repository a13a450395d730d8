#!/bin/sh
# nlwb, installed: bin/nlwb of the app image (/opt/nlwb/bin/nlwb, linked from /usr/bin/nlwb).
# Runs the image's own Java runtime on the class path the source tree's ./nlwb uses: the app's
# jars, then plugins (jars with a META-INF/services/org.nlwb.decoder.registry.MessageClassProvider
# entry): every jar in ~/.config/nlwb/plugins, and NLWB_PLUGINS (a colon-separated class path).
# JVM options: lib/jvm.options, then lib/jvm-batch.options or lib/jvm-window.options as jvm_use says
# (the lists ./nlwb reads, one option a line, none with a space in it), then NLWB_JAVA_OPTS, which can
# override any of them. docs/PLUGINS.md
set -eu
image="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
plugins="${HOME:-/nonexistent}/.config/nlwb/plugins/*${NLWB_PLUGINS:+:$NLWB_PLUGINS}"
# Which of the two lists a run gets after jvm.options: "batch" for a command that runs to its end
# (the collector and inlining with the least CPU), "window" for the window (nothing, files, gui, an
# option of the window, bench --window: G1, short pauses) and anything else (an unknown option only
# prints an error). The same function is in both launchers; LauncherJvmUseTest holds
# each to what org.nlwb.app.Main runs.
jvm_use() {
    case "${1-}" in
        bench)
            for a in "$@"; do [ "$a" = --window ] && { echo window; return; }; done
            echo batch ;;
        decode|convert|diff|spec|send|policy|monitor|trace|-h|--help|-V|--version) echo batch ;;
        *) echo window ;;
    esac
}
use="$(jvm_use "$@")"
jvm="$(cd "$image/lib" 2>/dev/null && grep -h -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' jvm.options "jvm-$use.options" 2>/dev/null || true)"
# shellcheck disable=SC2086 # both are lists of options, split on purpose
exec "$image/lib/runtime/bin/java" $jvm ${NLWB_JAVA_OPTS:-} -cp "$image/lib/app/*:$plugins" org.nlwb.app.Main "$@"
