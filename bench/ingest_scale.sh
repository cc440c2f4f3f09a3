#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Ingest at scale (issue #19; figures in docs/PERFORMANCE.md): N articles synthesised from
# PolNeAR train (tools/scale/synthesise_corpus.py, in WORKDIR, never in the repository)
# ingested with --threads THREADS into a new store, against a baseline measured in the same
# run: `extract` (analysis alone) of the first 500 of them (or all, when fewer). Then the store's size and the
# p50/p95 wall time of the people, quotes, events and timeline queries (20 runs each),
# against `stats` (opening the store and counting) as their baseline.
#   bench/ingest_scale.sh DATELINE_BIN N WORKDIR [THREADS]
set -euo pipefail
bin=$1
n=$2
work=$3
threads=${4:-2}
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$work"
corpus=$work/corpus-$n.jsonl
db=$work/store-$n.db
[ -s "$corpus" ] || python3 "$src/tools/scale/synthesise_corpus.py" \
  "$src/../shared/data/polnear/train.jsonl" --count "$n" >"$corpus"
rm -f "$db" "$db-wal" "$db-shm"
words=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].split()) for l in open(sys.argv[1])))' "$corpus")
text_bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$corpus")
echo "corpus: $n articles, $words words, $text_bytes bytes of text; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

timed() {  # timed LABEL COMMAND...: prints LABEL wall user+sys seconds
  local label=$1 t0 t1 cpu
  shift
  t0=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true  # 1: some failed
  cpu=$(tail -n 1 "$work/time.txt")
  t1=$(date +%s.%N)
  awk -v l="$label" -v a="$t0" -v b="$t1" -v c="$cpu" 'BEGIN { split(c, u, " ");
    printf "%s %.2f %.2f\n", l, b - a, u[1] + u[2] }'
}
sample=$work/sample-$n.jsonl
head -n 500 "$corpus" >"$sample"
m=$(wc -l <"$sample")
read -r _ e_wall e_cpu < <(timed extract "$bin" extract --quiet --threads "$threads" "$sample")
read -r _ i_wall i_cpu < <(timed ingest "$bin" ingest --quiet --threads "$threads" --db "$db" "$corpus")
size=$(( $(stat -c %s "$db") + $( [ -f "$db-wal" ] && stat -c %s "$db-wal" || echo 0) ))
awk -v n="$n" -v w="$words" -v tb="$text_bytes" -v ew="$e_wall" -v ec="$e_cpu" -v iw="$i_wall" \
    -v ic="$i_cpu" -v s="$size" -v t="$threads" -v m="$m" 'BEGIN {
  printf "extract, first %d (baseline): %.1f s wall, %.1f s CPU: %.1f articles/s, %.2f articles per CPU-second\n", m, ew, ec, m / ew, m / ec
  printf "ingest, all %d (--threads %d): %.1f s wall, %.1f s CPU: %.1f articles/s, %.2f articles per CPU-second, %.0f words/s\n", n, t, iw, ic, n / iw, n / ic, w / iw
  printf "ingest / extract, articles per CPU-second: %.3f\n", (n / ic) / (m / ec)
  printf "store: %d bytes, %.0f bytes per article, %.2f bytes per byte of text, %.1f per word\n", s, s / n, s / tb, s / w
  printf "projection, 1M articles of this length on 2 idle cores at this CPU cost: %.2f hours\n", 1e6 / (n / ic) / 2 / 3600
}'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

percentiles() {  # percentiles LABEL COMMAND...: 20 runs, p50 and p95 of the wall time in ms
  local label=$1
  shift
  for _ in $(seq 20); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000))
  done | sort -n | awk -v l="$label" '{ v[NR] = $1 } END {
    printf "%-40s p50 %5d ms  p95 %5d ms\n", l, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.95 + 0.5)] }'
}
percentiles "stats (baseline)" "$bin" stats --db "$db"
percentiles "people --limit 50" "$bin" people --limit 50 --db "$db"
percentiles "quotes --limit 50" "$bin" quotes --limit 50 --db "$db"
percentiles "quotes --speaker Trump --limit 50" "$bin" quotes --speaker Trump --limit 50 --db "$db"
percentiles "events --limit 50" "$bin" events --limit 50 --db "$db"
percentiles "events --actor USA --limit 50" "$bin" events --actor USA --limit 50 --db "$db"
percentiles "timeline --limit 50" "$bin" timeline --limit 50 --db "$db"
percentiles "timeline --from 2016-01-01 --limit 50" "$bin" timeline --from 2016-01-01 --limit 50 --db "$db"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
