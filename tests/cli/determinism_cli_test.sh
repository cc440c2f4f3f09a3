#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# An article's output does not depend on the rest of the run (issue #20, item 6), seen from
# the CLI: each plain-text and JSON Lines input of examples/articles/ (and the seed articles, when
# ../shared is there) extracted alone, each in its own process, then all of them in one run
# in two orders; every article's line must be the same byte for byte. Then --threads: extract
# (every format) and ingest with 1, 2 and 4 threads give the same bytes in the input order.
#   determinism_cli_test.sh DATELINE_BIN SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
cd "$src"
inputs=(examples/articles/*.txt examples/articles/*.jsonl)
[ -d ../shared/seeds ] && inputs+=(../shared/seeds/*.txt)
for f in "${inputs[@]}"; do "$bin" extract "$f"; done | sort >"$tmp/alone.jsonl"
"$bin" extract "${inputs[@]}" | sort >"$tmp/together.jsonl"
mapfile -t reversed < <(printf '%s\n' "${inputs[@]}" | tac)
"$bin" extract "${reversed[@]}" "${inputs[@]}" | sort -u >"$tmp/reversed.jsonl"
check "articles extracted: $(wc -l <"$tmp/alone.jsonl")" test -s "$tmp/alone.jsonl"
check "all in one run == each alone" cmp "$tmp/alone.jsonl" "$tmp/together.jsonl"
check "reversed and repeated == each alone" cmp "$tmp/alone.jsonl" "$tmp/reversed.jsonl"

# Threads: more inputs than threads and articles of very different lengths (PolNeAR dev,
# when ../shared is there), so later articles finish first.
many=("${inputs[@]}" "${inputs[@]}")
[ -f ../shared/data/polnear/dev.jsonl ] && many+=(../shared/data/polnear/dev.jsonl)
for format in jsonl json text; do
  for t in 1 2 4; do
    "$bin" extract --threads "$t" --format "$format" "${many[@]}" >"$tmp/t$t.$format"
  done
  check "extract --format $format: --threads 2 == --threads 1" cmp "$tmp/t1.$format" "$tmp/t2.$format"
  check "extract --format $format: --threads 4 == --threads 1" cmp "$tmp/t1.$format" "$tmp/t4.$format"
done
check "in input order: --threads 2 output unsorted == one process per input" \
  cmp <(for f in "${inputs[@]}"; do "$bin" extract "$f"; done) \
  <("$bin" extract --threads 2 "${inputs[@]}")
for t in 1 2; do
  "$bin" ingest --quiet --threads "$t" --batch 3 --db "$tmp/i$t.db" "${many[@]}" >/dev/null
  "$bin" export --db "$tmp/i$t.db" --format jsonl >"$tmp/i$t.jsonl"
done
check "ingest --threads 2 stores what --threads 1 stores, in the same order" \
  cmp "$tmp/i1.jsonl" "$tmp/i2.jsonl"
check "... which is extract's output without the repeats" \
  cmp "$tmp/i1.jsonl" <(awk '!seen[$0]++' "$tmp/t1.jsonl")
checks_done
