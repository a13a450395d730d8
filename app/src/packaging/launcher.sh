#!/bin/sh
# nlwb, installed: bin/nlwb of the app image (/opt/nlwb/bin/nlwb, linked from /usr/bin/nlwb).
# Runs the image's own Java runtime on the class path the source tree's ./nlwb uses: the app's
# jars, then plugins (jars with a META-INF/services/org.nlwb.decoder.registry.MessageClassProvider
# entry): every jar in ~/.config/nlwb/plugins, and NLWB_PLUGINS (a colon-separated class path).
# NLWB_JAVA_OPTS adds JVM options. docs/PLUGINS.md
set -eu
image="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
plugins="${HOME:-/nonexistent}/.config/nlwb/plugins/*${NLWB_PLUGINS:+:$NLWB_PLUGINS}"
# shellcheck disable=SC2086 # NLWB_JAVA_OPTS is a list of options, split on purpose
exec "$image/lib/runtime/bin/java" ${NLWB_JAVA_OPTS:-} -cp "$image/lib/app/*:$plugins" org.nlwb.app.Main "$@"
