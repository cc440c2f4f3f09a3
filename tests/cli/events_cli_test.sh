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

checks_done
