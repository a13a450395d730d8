#!/bin/sh
# nlwb, installed: bin/nlwb of the app image (/opt/nlwb/bin/nlwb, linked from /usr/bin/nlwb).
# Runs the image's own Java runtime on the class path the source tree's ./nlwb uses: the app's
# jars, then plugins (jars with a META-INF/services/org.nlwb.decoder.registry.MessageClassProvider
# entry): every jar in ~/.config/nlwb/plugins, and NLWB_PLUGINS (a colon-separated class path).
# JVM options: lib/jvm.options (the list ./nlwb reads, one option a line, none with a space in it),
# then NLWB_JAVA_OPTS, which can override any of them. docs/PLUGINS.md
set -eu
image="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
plugins="${HOME:-/nonexistent}/.config/nlwb/plugins/*${NLWB_PLUGINS:+:$NLWB_PLUGINS}"
jvm=""
[ -f "$image/lib/jvm.options" ] && jvm="$(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$image/lib/jvm.options" || true)"
# shellcheck disable=SC2086 # both are lists of options, split on purpose
exec "$image/lib/runtime/bin/java" $jvm ${NLWB_JAVA_OPTS:-} -cp "$image/lib/app/*:$plugins" org.nlwb.app.Main "$@"
