#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The store commands on PostgreSQL, over the built binary:
#   store_pg_cli_test.sh DATELINE_BIN SOURCE_DIR
# Needs DATELINE_TEST_PG naming a server (bash scripts/with-postgres.sh ctest -R cli_store_pg);
# without it the test is skipped (exit 77), or fails when DATELINE_REQUIRE_PG is set (CI).
# 1. ingest examples/articles/articles/ into PostgreSQL: export equals extract byte for byte, a second ingest
#    stores nothing, and every query command prints what it prints on an SQLite store of the
#    same inputs.
# 2. four ingest processes at once, over overlapping shards of one input, into one store:
#    each article is stored exactly once, and the store's counts and its export (sorted: the
#    ingest order is the race's, and each article names its shard) equal those of one ingest
#    of the whole input.
set -euo pipefail
bin=$1
src=$2
if [ -z "${DATELINE_TEST_PG:-}" ]; then
  if [ -n "${DATELINE_REQUIRE_PG:-}" ]; then
    echo "FAIL DATELINE_REQUIRE_PG is set but DATELINE_TEST_PG names no server"
    exit 1
  fi
  echo "skipped: set DATELINE_TEST_PG=postgresql://... (bash scripts/with-postgres.sh ctest ...)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
cd "$src"

# A URL for a new, empty schema of the test server.
fresh_store() {
  local schema="cli_$1_$$"
  psql -q "$DATELINE_TEST_PG" -c "SET client_min_messages = warning" \
    -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema" >/dev/null
  case "$DATELINE_TEST_PG" in
    *\?*) echo "$DATELINE_TEST_PG&options=-csearch_path%3D$schema" ;;
    *) echo "$DATELINE_TEST_PG?options=-csearch_path%3D$schema" ;;
  esac
}
sql() {  # sql URL QUERY: one value
  psql -At "$1" -c "$2"
}

# ---- 1. the commands on PostgreSQL print what they print on SQLite -------------------------
pg=$(fresh_store examples)
"$bin" extract examples/articles/ --format jsonl >"$tmp/extract.jsonl"
"$bin" ingest examples/articles/ --db "$pg" --quiet >"$tmp/ingest1.txt"
check "ingest into PostgreSQL stores the articles" grep -q "stored $(wc -l <"$tmp/extract.jsonl")," "$tmp/ingest1.txt"
"$bin" export --db "$pg" >"$tmp/export.jsonl"
check "export from PostgreSQL equals extract" cmp "$tmp/extract.jsonl" "$tmp/export.jsonl"
"$bin" ingest examples/articles/ --db "$pg" --quiet >"$tmp/ingest2.txt"
check "a second ingest stores nothing" grep -q "stored 0, skipped as duplicate" "$tmp/ingest2.txt"
"$bin" ingest examples/articles/ --db "$tmp/t.db" --quiet >/dev/null
"$bin" ingest examples/articles/ --db "$tmp/t.db" --quiet >/dev/null  # two runs, as above
for cmd in "stats" "people" "people Ibarra" "entities" "entities --type GPE" "quotes" \
  "quotes --about frigates" "quotes --speaker Ibarra --reports" "events" "events --type 19" \
  "timeline" "export --format gdelt-tsv" "export --format csv --table quotes" \
  "export --format csv --table events" "export --format csv --table people" \
  "export --format csv --table entities"; do
  # shellcheck disable=SC2086 # the command and its flags are words
  "$bin" $cmd --db "$pg" 2>&1 | sed "s|$pg|DB|" >"$tmp/pg.out" || true
  # shellcheck disable=SC2086
  "$bin" $cmd --db "$tmp/t.db" 2>&1 | sed "s|$tmp/t.db|DB|" >"$tmp/sqlite.out" || true
  check "$cmd: PostgreSQL prints what SQLite prints" cmp "$tmp/pg.out" "$tmp/sqlite.out"
done
hash=$(head -1 "$tmp/extract.jsonl" | sed 's/.*"content_hash":"\([0-9a-f]*\)".*/\1/')
"$bin" show "$hash" --db "$pg" >"$tmp/show.json"
check "show by hash equals the extract line" cmp "$tmp/show.json" <(head -1 "$tmp/extract.jsonl")
check "a query command on a database with no store fails" \
  bash -c "! '$bin' stats --db '$(fresh_store empty)' 2>/dev/null"

# ---- 2. four concurrent ingests of overlapping shards -------------------------------------
corpus=../shared/data/polnear/dev.jsonl
if [ -f "$corpus" ]; then
  cp "$corpus" "$tmp/all.jsonl"
else
  cat examples/articles/wire_briefs.jsonl >"$tmp/all.jsonl"  # without ../shared: the examples' feed
fi
n=$(wc -l <"$tmp/all.jsonl")
# Shard k holds lines [k*n/4, k*n/4 + n/2) (wrapping): every line is in two shards.
for k in 0 1 2 3; do
  awk -v n="$n" -v k="$k" '{ i = NR - 1; d = (i - int(k * n / 4) + n) % n; if (d < n / 2) print }' \
    "$tmp/all.jsonl" >"$tmp/shard$k.jsonl"
done
one=$(fresh_store single)
"$bin" ingest "$tmp/all.jsonl" --db "$one" --quiet --threads 1 >/dev/null
many=$(fresh_store concurrent)
"$bin" stats --db "$one" >/dev/null  # (made; the concurrent store is made by the racers)
pids=()
for k in 0 1 2 3; do
  "$bin" ingest "$tmp/shard$k.jsonl" --db "$many" --quiet --threads 1 --batch 3 \
    >"$tmp/race$k.out" 2>"$tmp/race$k.err" &
  pids+=($!)
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
check "four concurrent ingests all succeed" test "$failed" -eq 0
[ "$failed" -eq 0 ] || cat "$tmp"/race*.err
articles=$(sql "$many" "SELECT count(*) FROM articles")
check "each article stored once ($articles of $(sql "$one" "SELECT count(*) FROM articles"))" \
  test "$articles" = "$(sql "$one" "SELECT count(*) FROM articles")"
check "no content hash twice" \
  test "$(sql "$many" "SELECT count(DISTINCT content_hash) FROM articles")" = "$articles"
check "the runs' stored counts add up to the articles" \
  test "$(sql "$many" "SELECT sum(stored) FROM runs")" = "$articles"
for table in entities mentions titles quotes quote_fragments times events diagnostics; do
  check "$table: as many rows as one ingest" \
    test "$(sql "$many" "SELECT count(*) FROM $table")" = "$(sql "$one" "SELECT count(*) FROM $table")"
done
# Each article's JSON names the input it came from (a shard, or the whole file): that goes.
"$bin" export --db "$one" | sed 's/"path":"[^"]*"//' | sort >"$tmp/one.jsonl"
"$bin" export --db "$many" | sed 's/"path":"[^"]*"//' | sort >"$tmp/many.jsonl"
check "the concurrent store exports what one ingest does" cmp "$tmp/one.jsonl" "$tmp/many.jsonl"
checks_done
