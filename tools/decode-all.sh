#!/usr/bin/env bash
# Decodes every sample (the project's and ../shared's) with ./nlwb decode, as text (--all) and as
# JSON, into OUT_DIR: one file per sample and form. Run it before and after a refactoring and
# `diff -r` the two folders; any difference is a behaviour change.
#   tools/decode-all.sh OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: tools/decode-all.sh OUT_DIR}"
mkdir -p "$out"
jar="$here/app/target/nlwb-app-0.1.0-SNAPSHOT.jar"
run() { java -cp "$jar:$here/app/target/lib/*" org.nlwb.app.Main decode "$@"; }
files=()
while IFS= read -r f; do files+=("$f"); done < <(
    { find "$here/samples" -type f ! -name '*.md';
      [[ -d "$here/../shared/samples" ]] && find "$here/../shared/samples" -type f ! -name '*.md' ! -name '*.txt' -o -type f -name '*.strace.txt'; } | sort)
for f in "${files[@]}"; do
    name="$(realpath --relative-to="$here/.." "$f" | tr '/' '_')"
    run --all "$f" >"$out/$name.txt" 2>&1 || echo "exit $?" >>"$out/$name.txt"
    run --json "$f" >"$out/$name.json" 2>&1 || echo "exit $?" >>"$out/$name.json"
done
echo "decoded ${#files[@]} files into $out"
