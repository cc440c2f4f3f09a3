#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs the libFuzzer targets of the fuzz preset, each for SECONDS (default 60), from their
# seeds, and prints one line of figures per target; exits 1 when a target reports anything
# (a crash, a sanitizer report, a leak, a timeout, memory over the limit).
#   cmake --preset fuzz && cmake --build --preset fuzz -j2
#   bash tests/fuzz/run.sh 600                      # the long run of docs/RELIABILITY.md
#   bash tests/fuzz/run.sh 20 reader_fuzz api_fuzz  # some targets, briefly
# Seeds: tests/fuzz/corpus/<target>/ (written for the fuzzers) and examples/articles/; the model
# loaders' seeds are the first 64 KiB of each file of models/ and of two lexicons, behind
# the byte that picks the loader (src/pipeline/model_fuzz.cc). Findings and the grown corpus
# are kept in $DATELINE_FUZZ_OUT (default: a new temporary folder).
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(reader_fuzz model_fuzz store_fuzz api_fuzz)
build=${DATELINE_FUZZ_BUILD:-build/fuzz}
out=${DATELINE_FUZZ_OUT:-$(mktemp -d)}
mkdir -p "$out"

model_seeds() {  # the first 64 KiB of each model file, behind its loader's byte
  local dir=$1 i=0
  mkdir -p "$dir"
  for f in models/attribution.model models/content_reranker.model models/en_tagger.dlm \
    models/en_parser.dlm models/en_ner.dlm models/segmenter.dlsb models/en_clusters.dlc \
    models/en_glove_clusters.dlc data/lexicons/attribution.tsv data/lexicons/cameo.tsv; do
    { printf "\\$(printf '%03o' "$i")"; head -c 65536 "$f"; } >"$dir/seed$i"
    i=$((i + 1))
  done
}

status=0
printf '%-12s %8s %10s %8s %7s %7s %7s  %s\n' target seconds runs "runs/s" cov ft corpus result
for t in "${targets[@]}"; do
  bin=$build/tests/fuzz/$t
  [ -x "$bin" ] || { echo "$t: not built ($bin); cmake --build --preset fuzz"; status=1; continue; }
  corpus=$out/$t-corpus
  mkdir -p "$corpus"
  case $t in
    reader_fuzz) seeds=(tests/fuzz/corpus/reader examples/articles); max_len=65536 ;;
    model_fuzz) model_seeds "$out/model-seeds"; seeds=("$out/model-seeds"); max_len=100000 ;;
    store_fuzz) seeds=(tests/fuzz/corpus/store); max_len=4096 ;;
    api_fuzz) seeds=(tests/fuzz/corpus/api); max_len=16384 ;;
    *) seeds=(); max_len=4096 ;;
  esac
  # Loading the models under ASan takes a few seconds, and one pipeline run on a large input
  # can take a second or two: -timeout is per input.
  "$bin" -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=60 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$out/$t-" "$corpus" "${seeds[@]}" >"$out/$t.log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$out/$t.log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$out/$t.log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$out/$t.log" | tail -1 | cut -d' ' -f2)
  files=$(find "$corpus" -type f | wc -l)
  result=ok
  if [ $rc -ne 0 ]; then
    result="FINDING (exit $rc): $out/$t.log"
    status=1
  fi
  printf '%-12s %8s %10s %8s %7s %7s %7s  %s\n' "$t" "$seconds" "${runs:-?}" "${rate:-?}" \
    "${cov:-?}" "${ft:-?}" "$files" "$result"
done
echo "logs, findings and corpora: $out"
exit $status
