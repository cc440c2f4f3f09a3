#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Shards for a distributed engine (issue #19), seen from the CLI:
#  - `extract -` is a filter: each article's line comes out before stdin is closed (checked
#    with a coprocess that waits for the line before it writes the next: no timing), with
#    --threads 1 and 2;
#  - a bad line of stdin is an error line in its place, with its line and byte; exit code 1;
#  - the articles of `extract --stdin-name F - < F` are byte for byte those of `extract F`
#    (which keeps its errors on stderr);
#  - `import` of `extract --with record` gives the store `ingest` gives: export, show and the
#    queries print the same; a second import stores nothing; bad lines are named and skipped.
#   shards_cli_test.sh DATELINE_BIN SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
cd "$src"

# The examples' articles, a line that is not JSON, one with no text, a JSON array; and
# PolNeAR dev articles when ../shared is there (read at run time, never copied).
input=$tmp/input.jsonl
{
  head -n 2 examples/articles/wire_briefs.jsonl
  echo '{"id": "broken", "text": "no closing brace"'
  tail -n +3 examples/articles/wire_briefs.jsonl
  echo '{"id": "empty", "title": "a line with no text"}'
  echo '[1, 2]'
  [ -f ../shared/data/polnear/dev.jsonl ] && head -n 12 ../shared/data/polnear/dev.jsonl
} >"$input"
lines=$(wc -l <"$input")

# Batch and stream give the same bytes, error lines included.
for t in 1 2; do
  check "extract FILE --threads $t: exit 1 (some lines failed)" \
    exits 1 "$bin" extract --quiet --threads "$t" "$input"
  cp "$tmp/out" "$tmp/batch$t.jsonl"
  check "extract - --threads $t: exit 1 (some lines failed)" \
    exits 1 "$bin" extract --quiet --threads "$t" --stdin-name "$input" - <"$input"
  cp "$tmp/out" "$tmp/stream$t.jsonl"
  check "extract - --threads $t: the message names the line" grep -q "input.jsonl:3: " "$tmp/err"
  check "extract - --threads $t == extract FILE but the error lines, byte for byte" \
    cmp "$tmp/batch$t.jsonl" <(grep -v '^{"error":' "$tmp/stream$t.jsonl")
  check "extract FILE --threads $t: no error lines (errors on stderr)" \
    test "$(grep -c '^{"error":' "$tmp/batch$t.jsonl")" -eq 0
done
check "--threads 2 == --threads 1" cmp "$tmp/stream1.jsonl" "$tmp/stream2.jsonl"
out=$tmp/stream2.jsonl
check "one output line per input line ($lines)" test "$(wc -l <"$out")" -eq "$lines"
check "3 error lines" test "$(grep -c '^{"error":' "$out")" -eq 3
byte3=$(head -n 2 "$input" | wc -c)
check "the bad JSON's error line is line 3, at its byte ($byte3)" \
  grep -q "^{\"error\":{\"code\":\"bad_input\",\"message\":\"[^\"]*input.jsonl:3: .*\",\"input\":\"$input\",\"line\":3,\"byte\":$byte3}}\$" \
  <(sed -n 3p "$out")
check "articles in their lines (line 4, the third brief, has the id FILE:4)" \
  grep -q '^{"doc":{"id":"input:4"' <(sed -n 4p "$out")

# A line over --max-bytes is dropped as it streams in (never held whole) and answered with an
# error line; the next lines go on.
{
  head -n 1 examples/articles/wire_briefs.jsonl
  printf '{"text": "%s"}\n' "$(head -c 300000 /dev/zero | tr '\0' a)"
  sed -n 2p examples/articles/wire_briefs.jsonl
} >"$tmp/long.jsonl"
check "extract - with a line over --max-bytes: exit 1" \
  exits 1 "$bin" extract --quiet --max-bytes 4000 - <"$tmp/long.jsonl"
check "three lines out" test "$(wc -l <"$tmp/out")" -eq 3
check "line 2 is its error line, with its length" \
  grep -q '^{"error":{"code":"bad_input","message":"-:2: 300012 bytes, over the limit of 4000 bytes.*"line":2,' \
  <(sed -n 2p "$tmp/out")
check "line 3 is the next article" grep -q '^{"doc":{"id":"brief-0412-2"' <(sed -n 3p "$tmp/out")

# Streaming: the coprocess writes a line, then waits for its answer before the next.
for t in 1 2; do
  coproc EXTRACT { "$bin" extract --quiet --threads "$t" - 2>"$tmp/co.err"; }
  ok=1
  for n in 1 3 2; do  # an article, the bad line, an article
    sed -n "${n}p" "$input" >&"${EXTRACT[1]}"
    # The line must come while stdin is still open; the timeout only keeps a broken build
    # from hanging the test.
    if ! IFS= read -r -t 120 answer <&"${EXTRACT[0]}"; then ok=0; break; fi
    if [ "$n" = 3 ]; then
      [[ $answer == '{"error":'*'"line":2,'* ]] || ok=0
    else
      [[ $answer == '{"doc":'* ]] || ok=0
    fi
  done
  exec {EXTRACT[1]}>&-
  wait "$EXTRACT_PID"
  rc=$?
  check "extract - --threads $t answers each line before stdin closes" test "$ok" = 1
  check "extract - --threads $t: exit 1 after the bad line" test "$rc" = 1
done

# Import: the same store as ingest.
check "extract --with record -" \
  exits 1 "$bin" extract --quiet --threads 2 --with record --stdin-name "$input" - <"$input"
cp "$tmp/out" "$tmp/record.jsonl"
check "ingest: exit 1 (some lines failed)" exits 1 "$bin" ingest --quiet --db "$tmp/ingest.db" "$input"
check "import: exit 1 (the error lines)" exits 1 "$bin" import --quiet --db "$tmp/import.db" "$tmp/record.jsonl"
check "import: read $lines, stored $((lines - 3)), failed 3" \
  grep -q "read $lines, stored $((lines - 3)), skipped as duplicate 0, failed 3" "$tmp/out"
check "import names the error line's file and line" grep -q "record.jsonl:3: " "$tmp/err"
same() {  # same COMMAND...: prints the same for both stores
  cmp <("$bin" "$@" --db "$tmp/ingest.db") <("$bin" "$@" --db "$tmp/import.db")
}
check "export jsonl: import == ingest" same export --format jsonl
check "export gdelt-tsv: import == ingest" same export --format gdelt-tsv
check "show: import == ingest" same show brief-0412-1
check "people: import == ingest" same people
check "entities: import == ingest" same entities
check "quotes: import == ingest" same quotes
check "events: import == ingest" same events
check "timeline: import == ingest" same timeline
check "stats: import == ingest (but the database's name)" \
  cmp <("$bin" stats --db "$tmp/ingest.db" | tail -n +2) <("$bin" stats --db "$tmp/import.db" | tail -n +2)
check "import again: exit 1 (the same error lines)" \
  exits 1 "$bin" import --quiet --db "$tmp/import.db" "$tmp/record.jsonl"
check "import again stores nothing" grep -q "stored 0, skipped as duplicate $((lines - 3))" "$tmp/out"
check "export after a second import is the same" same export --format jsonl

# A record that does not hold together is refused with the field named; the others go on.
sed -n 1p "$tmp/record.jsonl" | sed 's/"bytes":[0-9]*/"bytes":7/' >"$tmp/edited.jsonl"
sed -n 2p "$tmp/record.jsonl" >>"$tmp/edited.jsonl"
"$bin" extract --quiet "$input" 2>/dev/null | sed -n 4p >>"$tmp/edited.jsonl"
check "import of edited records: exit 1" exits 1 "$bin" import --quiet --db "$tmp/edited.db" "$tmp/edited.jsonl"
check "an edited length is named" grep -q 'edited.jsonl:1: .*"doc.bytes"' "$tmp/err"
check "a line without --with record says so" grep -q 'edited.jsonl:3: .*--with record' "$tmp/err"
check "the good record is stored" grep -q "read 3, stored 1, skipped as duplicate 0, failed 2" "$tmp/out"
checks_done
