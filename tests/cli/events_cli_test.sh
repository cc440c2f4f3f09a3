#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CLI-level test of the event coder on an article written for this test
# (fixtures/port_strike.txt), with the committed models and lexicons:
#   events_cli_test.sh DATELINE_BIN SOURCE_DIR
# What makes no event (firing employees, "draw fire", a question, a hypothetical), how
# participants are coded (a state name inside a phrase, titles and nationality adjectives
# before a name) and which clause dates an event (not a relative clause's year).
set -euo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

"$bin" extract "$src/tests/cli/fixtures/port_strike.txt" --format jsonl >"$tmp/out.jsonl"
# One line per event: actor<TAB>trigger<TAB>PLOVER<TAB>target<TAB>date<TAB>date source
python3 - "$tmp/out.jsonl" >"$tmp/events.tsv" <<'PY'
import json, sys
doc = json.loads(open(sys.argv[1], encoding="utf-8").readline())
for e in doc["events"]:
    a, t = e.get("actor") or {}, e.get("target") or {}
    print("\t".join([a.get("code") or "-", e["action"]["text"], e["action"]["plover"],
                     t.get("code") or "-", e.get("date") or "-", e["date_source"]]))
PY
cat "$tmp/events.tsv"

has() { grep -qP -- "$1" "$tmp/events.tsv"; }
lacks() { ! grep -qP -- "$1" "$tmp/events.tsv"; }
check "'New Jersey police' is US police, not Jersey" has '^USACOP\tarrested\tCOERCE\t'
check "no Jersey code anywhere" lacks 'JEY'
check "firing employees is no event" lacks '\tfired\t'
check "'draw fire' is no event" lacks '\tdraw'
check "a question is no event" lacks '\taccept\t'
check "a hypothetical is no event" lacks 'blockade'
check "title + name: a governor is government" has '^USAGOV\tcondemned\tACCUSE\t'
check "a relative clause's year does not date the main clause" \
  has '\tcondemned\t.*\t2025-03-14\tpublication$'
check "nationality + title + name" has '^MEXGOV\tcriticized\tACCUSE\tUSA'
check "both participants by title and nationality" has '^SRBGOV\tmet\tCONSULT\tDEUGOV\t2025-03-11\t'

# `dateline eval events-judged` on a judged sample of the same article (as JSON Lines): four
# judged triggers the coder extracts (one judged no event, one whose target the judge accepts
# only as another country) and one it does not ("fired").
python3 - "$src/tests/cli/fixtures/port_strike.txt" "$tmp" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
text = "\n".join(l for l in lines if not l.startswith(("Title:", "Published:"))).strip() + "\n"
with open(sys.argv[2] + "/articles.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps({"doc": "port", "date": "2025-03-14", "text": text}) + "\n")
rows = [("arrested", "1\tCOERCE\t-\tUSA\tUSA"), ("condemned", "1\tACCUSE\t-\tUSA\tUSA"),
        ("criticized", "0\t-\t-\t?\t?"), ("met", "1\tCONSULT\t-\tSRB\tFRA"),
        ("fired", "0\t-\t-\t?\t?")]
with open(sys.argv[2] + "/judged.tsv", "w", encoding="utf-8") as f:
    f.write("# texts: articles.jsonl\n")
    for word, labels in rows:
        b = text.encode().index(word.encode())
        f.write(f"port\t{b}\t{b + len(word)}\t{labels}\tnote\n")
PY
"$bin" eval events-judged "$tmp/judged.tsv" --texts "$tmp/articles.jsonl" >"$tmp/judged.txt"
cat "$tmp/judged.txt"
check "judged triggers still extracted" grep -q "judged triggers: 5, still extracted: 4" "$tmp/judged.txt"
check "events at all" grep -qF "events at all: 3 of 4 (75.0%)" "$tmp/judged.txt"
check "type right" grep -qF "type right: 3 of 3 events (100.0%)" "$tmp/judged.txt"
check "actor and target right" grep -qF "actor and target right: 2 of 3 (66.7%)" "$tmp/judged.txt"
n=$("$bin" extract "$tmp/articles.jsonl" --format jsonl | python3 -c 'import json,sys; print(len(json.loads(sys.stdin.readline())["events"]))')
check "the events outside the sample are counted" \
  grep -qF "events outside the judged sample: $((n - 4)) of $n extracted" "$tmp/judged.txt"
printf 'port\t10\t5\t1\tCOERCE\t-\tUSA\tUSA\n' >"$tmp/bad.tsv"
check "a bad judgement is refused with file and line" \
  bash -c "! '$bin' eval events-judged '$tmp/bad.tsv' --texts '$tmp/articles.jsonl' 2>'$tmp/err.txt' &&
    grep -q 'bad.tsv:1' '$tmp/err.txt'"

checks_done
