#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs the build into a temporary prefix, builds examples/embed (a program that embeds the
# library) against the installed package (find_package(dateline)), installs it beside
# dateline and runs it: it must find the installed models and lexicons from its own place.
# The installed copy lacks the optional reranker model, so a run that read the source tree's
# models instead would show no model_missing diagnostic.
# Usage: embed_installed_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log"
for f in include/dateline/pipeline.h lib/cmake/dateline/datelineConfig.cmake \
         share/dateline/models/en_parser.dlm share/dateline/lexicons/attribution.tsv share/dateline/web/index.html; do
  [[ -e "$tmp/prefix/$f" ]] || { echo "FAIL: $f not installed"; exit 1; }
done
# No internal header is installed.
if find "$tmp/prefix/include" -name '*.h' | grep -v '/include/dateline/' | grep -q .; then
  echo "FAIL: headers outside include/dateline installed"; exit 1
fi
rm "$tmp/prefix/share/dateline/models/content_reranker.model"
cmake -S "$src/examples/embed" -B "$tmp/embed" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$tmp/configure.log" || { cat "$tmp/configure.log"; exit 1; }
cmake --build "$tmp/embed" -j2 >"$tmp/build.log" || { cat "$tmp/build.log"; exit 1; }
cmake --install "$tmp/embed" --prefix "$tmp/prefix" >/dev/null
text='“The bridge will reopen on Monday,” Mayor Ana Lopez said on Friday.'
out=$(cd "$tmp" && env -u DATELINE_MODELS -u DATELINE_LEXICONS -u DATELINE_DATA \
  "$tmp/prefix/bin/embed" 2026-03-06 <<<"$text")
grep -qF 'quote: “The bridge will reopen on Monday,” (cue: said)' <<<"$out" ||
  { echo "FAIL: no quote in"; echo "$out"; exit 1; }
grep -q '"published":"2026-03-06"' <<<"$out" || { echo "FAIL: no published date"; exit 1; }
grep -q '"name":"Ana Lopez"' <<<"$out" || { echo "FAIL: no speaker entity"; echo "$out"; exit 1; }
grep -q '"code":"model_missing"' <<<"$out" ||
  { echo "FAIL: the installed models were not the ones read"; echo "$out"; exit 1; }
# A wrong data folder is an error naming the file, not a crash.
if env DATELINE_DATA="$tmp/none" "$tmp/prefix/bin/embed" <<<"$text" 2>"$tmp/err"; then
  echo "FAIL: ran without models"; exit 1
fi
grep -q "$tmp/none" "$tmp/err" || { echo "FAIL: error does not name the folder"; cat "$tmp/err"; exit 1; }
echo "embed: ok"
