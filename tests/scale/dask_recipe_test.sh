#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The Dask recipe (tools/scale/dask_ingest.py, docs/SCALE.md) on a local cluster of 2
# workers: its store must equal a single-process `dateline ingest` of the same shards
# (export --format jsonl, sorted, and the people, quotes, events and timeline queries).
# The corpus: the examples' JSON Lines, a line that is not JSON, and PolNeAR dev articles
# when ../shared is there (read at run time). Exit 77 (skipped) without python3-distributed.
#   dask_recipe_test.sh DATELINE_BIN SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
python=/usr/bin/python3  # Debian's, with python3-distributed (not a pyenv)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$src/tests/cli/check.sh"
cd "$src"
if ! "$python" -c 'import distributed' 2>/dev/null; then
  echo "skipped: $python has no python3-distributed (scripts/install-deps.sh installs it)"
  exit 77
fi
corpus=$tmp/corpus.jsonl
{
  cat examples/articles/wire_briefs.jsonl
  echo '{"id": "broken", "text": "no closing brace"'
  [ -f ../shared/data/polnear/dev.jsonl ] && head -n 30 ../shared/data/polnear/dev.jsonl
} >"$corpus"
articles=$(($(wc -l <"$corpus") - 1))

check "dask_ingest on 2 workers: exit 1 (one line is not JSON)" \
  exits 1 "$python" tools/scale/dask_ingest.py --dateline "$bin" --db "$tmp/dask.db" \
  --workers 2 --shards "$tmp/shards" --shard-lines 4 "$corpus"
check "dask_ingest: $articles articles stored" grep -q "stored $articles, .* failed 1" "$tmp/out"
check "the bad line is named with its shard and line" grep -q "part-00000.jsonl:4: " "$tmp/err"
check "shards: $(ls "$tmp/shards/in" | wc -l)" test "$(ls "$tmp/shards/in" | wc -l)" -ge 2
check "ingest of the same shards, one process" \
  exits 1 "$bin" ingest --quiet --threads 1 --db "$tmp/single.db" "$tmp/shards/in"
same() {  # same COMMAND...: prints the same for both stores, sorted
  cmp <("$bin" "$@" --db "$tmp/single.db" | sort) <("$bin" "$@" --db "$tmp/dask.db" | sort)
}
check "export jsonl (sorted): dask == one process" same export --format jsonl
check "export has the articles" test "$("$bin" export --format jsonl --db "$tmp/dask.db" | wc -l)" -eq "$articles"
check "people: dask == one process" same people
check "quotes: dask == one process" same quotes
check "events: dask == one process" same events
check "timeline: dask == one process" same timeline
checks_done
