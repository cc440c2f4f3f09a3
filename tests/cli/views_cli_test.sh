#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CLI-level test of issue #21's CLI and export items over the built binaries:
#   views_cli_test.sh DATELINE_BIN SERVER_BIN SOURCE_DIR
# the query commands check their filters as the API does (one table: types, limits >= 1,
# dates; usage errors naming the flag, exit 2); CSV export of quotes, events, people and
# entities; the GDELT-style export with 8-digit day dates and a precision column; a
# pretty-printed JSON file in an input folder is one clear error and no rows; the server binds
# 127.0.0.1 unless told otherwise; quote rows carry their cue and print without doubled quote
# marks; `people` never says "new" for a stored person; "Clara J. Zammit" = "Clara Zammit".
# The articles (tests/cli/fixtures/views/harbour.jsonl) are written for this test.
set -uo pipefail
bin=$1
server=$2
src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

says() { grep -q -- "$1" "$tmp/err" || { echo "    stderr: $(head -c 300 "$tmp/err")"; return 1; }; }
prints() { grep -q -- "$1" "$tmp/out" || { echo "    stdout: $(head -c 600 "$tmp/out")"; return 1; }; }

db="$tmp/v.db"
mkdir -p "$tmp/in"
cp "$src/tests/cli/fixtures/views/harbour.jsonl" "$tmp/in/"
# A pretty-printed JSON document among the inputs (issue: 471 errors and 471 junk rows).
printf '{\n  "id": "pretty",\n  "text": "Mayor Lena Park said the bridge would reopen."\n}\n' >"$tmp/in/pretty.json"
check "ingest: a JSON document in the folder fails alone (1)" exits 1 "$bin" ingest "$tmp/in" --db "$db"
check "... with one clear message naming the file" says "pretty.json:1: a JSON document over several lines, not JSON Lines"
# One error line; the run's summary line ("dateline: ingest: N articles ...") is no error.
check "... and one error only" test "$(grep '^dateline: ' "$tmp/err" | grep -vc '^dateline: ingest: [0-9]* articles')" -eq 1
check "... the three articles stored, no junk rows" prints "read 3, stored 3, skipped as duplicate 0, failed 1"

# One table of filters for the CLI and the API.
for cmd in quotes events entities people timeline; do
  check "$cmd --limit 0 is a usage error (2)" exits 2 "$bin" $cmd --limit 0 --db "$db"
  check "... naming the flag" says "\-\-limit: '0' is not a whole number of at least 1"
done
check "events --type FOO is a usage error (2)" exits 2 "$bin" events --type FOO --db "$db"
check "... naming the flag" says "\-\-type: 'FOO' is neither a PLOVER event type"
check "entities --type THING is a usage error (2)" exits 2 "$bin" entities --type THING --db "$db"
check "... naming the flag" says "\-\-type: 'THING' is not one of PERSON"
check "quotes --since yesterday is a usage error (2)" exits 2 "$bin" quotes --since yesterday --db "$db"
check "... naming the flag" says "\-\-since: 'yesterday' is not a date"
check "events --to 2026-02-30 is a usage error (2)" exits 2 "$bin" events --to 2026-02-30 --db "$db"
check "events --type coerce --limit 1 --reports prints one event" exits 0 "$bin" events --type coerce --limit 1 --reports --db "$db"
check "... one" test "$(grep -c 'COERCE' "$tmp/out")" -eq 1

# Quote rows: the cue, and direct quotations printed with their own marks only.
check "quotes --speaker Zammit --reports" exits 0 "$bin" quotes --speaker Zammit --reports --db "$db"
check "... a direct quotation with its cue, quote marks not doubled" \
  prints '\[direct\] said: "We cannot keep the quays open with the money we have."$'
check "... no doubled quote marks anywhere" test "$(grep -c '""' "$tmp/out")" -eq 0
check "... an indirect one between a pair" prints '\[indirect\] said "that the port would raise its toll in April"'

# One record per statement and per event across outlets: the same quotation in three
# articles (one of them with a dateline glued to it) is one statement with three reports.
check "quotes --speaker Zammit counts statements" exits 0 "$bin" quotes --speaker Zammit --db "$db"
check "... two statements" test "$(grep -c '^2026' "$tmp/out")" -eq 2
check "... the repeated one with its three reports" prints "(statement [0-9]*: 3 reports)"
check "quotes --speaker Zammit --reports lists every report" exits 0 "$bin" quotes --speaker Zammit --reports --db "$db"
check "... four" test "$(grep -c '^2026' "$tmp/out")" -eq 4
check "... from three outlets" test "$(grep -c 'We cannot keep the quays open' "$tmp/out")" -eq 3
check "events: the arrest told by two outlets is one event" exits 0 "$bin" events --type COERCE --db "$db"
check "... one row, two reports" test "$(grep -c '^2026' "$tmp/out")" -eq 1
check "... counted" prints "2 reports)"
check "quotes --reports=maybe is a usage error (2)" exits 2 "$bin" quotes --reports=maybe --db "$db"

# People: no "new" for a stored person; a middle initial does not split a person.
check "people Zammit" exits 0 "$bin" people Zammit --db "$db"
check "... one person for Clara J. Zammit and Clara Zammit" test "$(grep -c '(person ' "$tmp/out")" -eq 1
check "... in three articles" prints "3 articles"
check "... the link by middle initial explained" prints "same name but for a middle initial"
check "... never 'new'" test "$(grep -c -- '-- new' "$tmp/out")" -eq 0
check "... the first appearance says so" prints "first seen: full name not seen before"

# CSV exports (RFC 4180: read back with Python's csv module).
csvrows() {  # csvrows TABLE: rows (header excluded), checking each row has the header's width
  python3 - "$tmp/out" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert all(len(r) == len(rows[0]) for r in rows), 'ragged rows'
print(len(rows) - 1)
PY
}
for t in quotes:7 events:4 people:2 entities:; do
  table=${t%%:*}
  want=${t#*:}
  check "export --format csv --table $table" exits 0 "$bin" export --format csv --table "$table" --db "$db"
  if [ -n "$want" ]; then
    check "... $want rows" test "$(csvrows)" -eq "$want"
  else
    check "... rows" test "$(csvrows)" -gt 3
  fi
done
"$bin" export --format csv --table quotes --db "$db" >"$tmp/q.csv"
check "quotes.csv: every report, with its statement and cue" grep -q "^statement,reports,date,published,speaker,title,anonymous,kind,cue,content," "$tmp/q.csv"
check "... a quotation with its marks, quoted as CSV" grep -q ',said:,"""We cannot keep the quays open' "$tmp/q.csv"
check "export --format csv without --table is a usage error (2)" exits 2 "$bin" export --format csv --db "$db"
check "... naming the flag" says "\-\-table"

# GDELT-style export: 8-digit day dates; a week becomes its Monday, with its precision.
check "export --format gdelt-tsv" exits 0 "$bin" export --format gdelt-tsv --db "$db"
check "... GDELT's column order" prints $'^SQLDATE\tActor1Code\tActor1Name\tActor2Code\tActor2Name\tEventCode\tEventRootCode\tQuadClass\tGoldsteinScale\tNumMentions\tActionGeo_FullName\tActionGeo_CountryCode\tActionGeo_Lat\tActionGeo_Long\tSOURCEURL\tDatePrecision\t'
check "... every SQLDATE has 8 digits" test "$(tail -n +2 "$tmp/out" | cut -f1 | grep -cvE '^[0-9]{8}$')" -eq 0
check "... one row per event: the arrest in two outlets once, NumMentions 2" \
  test "$(grep -c $'\tCOERCE\t' "$tmp/out")" -eq 1 -a "$(grep $'\tCOERCE\t' "$tmp/out" | cut -f10)" = 2
check "... 'next week' (2026-W11) is its Monday, precision week" prints $'^20260309\t.*\tweek\tAGREE'

# The server listens on the loopback address unless told otherwise.
"$server" --port 0 --db "$db" >"$tmp/server.out" 2>"$tmp/server.err" &
pid=$!
for _ in $(seq 50); do grep -q listening "$tmp/server.out" && break; sleep 0.1; done
check "dateline-server binds 127.0.0.1 by default" grep -q "listening on http://127.0.0.1:" "$tmp/server.out"
port=$(sed -n 's/.*127.0.0.1:\([0-9]*\).*/\1/p' "$tmp/server.out")
check "... and only it (/proc/net/tcp)" python3 - "$port" <<'PY'
import sys
port = '%04X' % int(sys.argv[1])
socks = [l.split()[1] for l in open('/proc/net/tcp').read().splitlines()[1:] if l.split()[3] == '0A']
assert any(s.endswith(':' + port) for s in socks), socks
assert all(s == '0100007F:' + port for s in socks if s.endswith(':' + port)), socks
PY
kill "$pid"
wait "$pid" 2>/dev/null

checks_done
