#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CLI-level test of the store commands over the built binary:
#   store_cli_test.sh DATELINE_BIN SOURCE_DIR
# ingest examples/articles/ into a temporary database and check that what comes back out is what
# extract prints, byte for byte; that a second ingest stores nothing; and that a file that is
# not a database is refused and left as it was.
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
cd "$src"

"$bin" extract examples/articles/ --format jsonl >"$tmp/extract.jsonl"
n=$(wc -l <"$tmp/extract.jsonl")
check "extract printed articles" test "$n" -gt 0

"$bin" ingest examples/articles/ --db "$tmp/t.db" >"$tmp/ingest1.txt"
cat "$tmp/ingest1.txt"
check "first ingest stores every article" grep -q "read $n, stored $n, skipped as duplicate 0, failed 0" "$tmp/ingest1.txt"

"$bin" export --db "$tmp/t.db" --format jsonl >"$tmp/export.jsonl"
check "export --format jsonl == extract --format jsonl" cmp "$tmp/extract.jsonl" "$tmp/export.jsonl"

"$bin" ingest examples/articles/ --db "$tmp/t.db" >"$tmp/ingest2.txt"
cat "$tmp/ingest2.txt"
check "second ingest stores nothing" grep -q "read $n, stored 0, skipped as duplicate $n, failed 0" "$tmp/ingest2.txt"
"$bin" stats --db "$tmp/t.db" >"$tmp/stats.txt"
check "stats counts each article once" grep -Eq "^  articles +$n\$" "$tmp/stats.txt"
check "stats counts two runs" grep -Eq "^  runs +2\$" "$tmp/stats.txt"

# show: json is the extract line; text is what extract --format text prints.
sed -n 's/.*"content_hash":"\([0-9a-f]*\)".*/\1/p' "$tmp/extract.jsonl" >"$tmp/hashes.txt"
: >"$tmp/show.jsonl"
: >"$tmp/show.txt"
while read -r hash; do
  "$bin" show "$hash" --db "$tmp/t.db" >>"$tmp/show.jsonl"
  "$bin" show "$hash" --db "$tmp/t.db" --format text >>"$tmp/show.txt"
done <"$tmp/hashes.txt"
check "show HASH == extract, for every article" cmp "$tmp/extract.jsonl" "$tmp/show.jsonl"
"$bin" extract examples/articles/ --format text >"$tmp/extract.txt"
check "show --format text == extract --format text" cmp "$tmp/extract.txt" "$tmp/show.txt"
id=$(sed -n '1s/^{"doc":{"id":"\([^"]*\)".*/\1/p' "$tmp/extract.jsonl")
"$bin" show "$id" --db "$tmp/t.db" >"$tmp/show_id.json" 2>/dev/null || true
check "show ID == show HASH" cmp <(head -1 "$tmp/extract.jsonl") "$tmp/show_id.json"
check "show of an unknown id fails" bash -c "! '$bin' show no-such-article --db '$tmp/t.db' 2>/dev/null"

# The query commands run and the GDELT export has one row per event plus the header.
for cmd in people entities quotes events timeline; do
  check "$cmd runs" bash -c "'$bin' $cmd --db '$tmp/t.db' >/dev/null"
done
"$bin" export --db "$tmp/t.db" --format gdelt-tsv >"$tmp/events.tsv"
# One row per event: the reports of one event (same actor, type, target, day) are one row, as
# `events` lists them.
events=$("$bin" events --db "$tmp/t.db" | grep -c '^    -> ')
check "gdelt-tsv has a row per event" test "$(wc -l <"$tmp/events.tsv")" -eq $((events + 1))

# A bad input is reported and recorded; it does not stop the others.
set +e
"$bin" ingest "$tmp/no-such-input.txt" examples/articles/ --db "$tmp/partial.db" >"$tmp/partial.txt" 2>"$tmp/partial.err"
rc=$?
set -e
check "a missing input exits 1" test "$rc" -eq 1
check "a missing input is reported with its name" grep -q "no-such-input.txt" "$tmp/partial.err"
check "the other inputs are stored" grep -q "stored $n, skipped as duplicate 0, failed 1" "$tmp/partial.txt"
"$bin" stats --db "$tmp/partial.db" >"$tmp/partial-stats.txt"
diags=$(sed -n 's/^  diagnostics *//p' "$tmp/stats.txt")
check "the failure is recorded in diagnostics" grep -Eq "^  diagnostics +$((diags + 1))\$" "$tmp/partial-stats.txt"

# A file that is not a database: a clear error naming it, exit 3, the file unchanged.
printf 'not a database, just some words\n' >"$tmp/bad.db"
cp "$tmp/bad.db" "$tmp/bad.copy"
set +e
"$bin" ingest examples/articles/ --db "$tmp/bad.db" 2>"$tmp/bad.err" >/dev/null
rc=$?
set -e
cat "$tmp/bad.err"
check "not-a-database exits 3" test "$rc" -eq 3
check "not-a-database names the file" grep -q "bad.db: not an SQLite database" "$tmp/bad.err"
check "not-a-database is left unchanged" cmp "$tmp/bad.db" "$tmp/bad.copy"
check "stats on a missing database fails" bash -c "! '$bin' stats --db '$tmp/none.db' 2>/dev/null"
check "a missing database is not created by stats" test ! -e "$tmp/none.db"

checks_done
