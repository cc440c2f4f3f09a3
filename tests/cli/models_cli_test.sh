#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The model manifest end to end (src/model/manifest.h), with the committed models:
#   models_cli_test.sh DATELINE_BIN SOURCE_DIR
# `dateline models` finds every file of models/ whole and of its kind, and models/README.md
# gives each file's size, sha256 and fingerprint as they are. A folder without an optional
# model still analyses, with a warning on stderr and a model_missing diagnostic naming the
# file; a folder without a required model, or with a file of the wrong kind or a damaged
# one, is refused with the file's name.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

"$bin" models --models "$src/models" >"$tmp/models.txt"
cat "$tmp/models.txt"
check "every committed model is whole and of its kind" \
  bash -c "[ \$(grep -c ' ok ' '$tmp/models.txt') -eq \$(grep -vc '^file' '$tmp/models.txt') ]"
readme_agrees() {  # readme_agrees FILE FINGERPRINT
  local f=$src/models/$1 size sha
  size=$(python3 -c "import os, sys; print(f'{os.path.getsize(sys.argv[1]):,}')" "$f")
  sha=$(sha256sum "$f" | cut -d' ' -f1)
  grep -q "$1" "$src/models/README.md" && grep -q "$size bytes" "$src/models/README.md" &&
    grep -q "$sha" "$src/models/README.md" && grep -q "$2" "$src/models/README.md"
}
while read -r file _ _ _ _ fingerprint; do
  check "models/README.md gives the size, sha256 and fingerprint of $file" \
    readme_agrees "$file" "$fingerprint"
done < <(grep ' ok ' "$tmp/models.txt")

article="$tmp/article.txt"
printf 'The mayor said on Monday that the bridge would reopen.\n' >"$article"
# Only the required models.
mkdir "$tmp/required"
for f in en_tagger.dlm en_parser.dlm en_clusters.dlc; do cp "$src/models/$f" "$tmp/required/"; done
"$bin" extract "$article" --models "$tmp/required" >"$tmp/out.jsonl" 2>"$tmp/err.txt"
check "runs without the optional models" test -s "$tmp/out.jsonl"
for f in segmenter.dlsb en_ner.dlm en_glove_clusters.dlc en_encoder.dlm attribution.model \
  content_reranker.model events.dlm; do
  check "warns on stderr about $f" grep -q "warning: .*/$f: optional model missing" "$tmp/err.txt"
done
check "each missing model is a diagnostic of the document" python3 - "$tmp/out.jsonl" <<'PY'
import json, sys
doc = json.loads(open(sys.argv[1]).readline())
missing = [d["message"] for d in doc["diagnostics"] if d["code"] == "model_missing"]
sys.exit(0 if len(missing) == 7 and all("optional model missing" in m for m in missing) else 1)
PY
refused() {  # refused DIR NEEDLE: extract fails and names the problem
  ! "$bin" extract "$article" --models "$1" >/dev/null 2>"$tmp/refused.txt" &&
    grep -q -- "$2" "$tmp/refused.txt"
}
mkdir "$tmp/no_parser"
cp "$tmp/required/en_tagger.dlm" "$tmp/required/en_clusters.dlc" "$tmp/no_parser/"
check "a missing required model is an error naming it" \
  refused "$tmp/no_parser" "no_parser/en_parser.dlm: required model missing"
cp -r "$tmp/required" "$tmp/wrong_kind"
cp "$src/models/content_reranker.model" "$tmp/wrong_kind/attribution.model"
check "a model of another kind is refused" \
  refused "$tmp/wrong_kind" "attribution.model: corrupt model: model kind is content-reranker"
cp -r "$tmp/required" "$tmp/damaged"
head -c 100000 "$src/models/en_ner.dlm" >"$tmp/damaged/en_ner.dlm"
check "a damaged model is refused" refused "$tmp/damaged" "en_ner.dlm: truncated model"

checks_done
