#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Progress of extract and ingest (issue #19): on a terminal (a pseudo-terminal made by
# `script`) a progress line redrawn in place with articles, words/s, errors and an ETA; with
# --quiet, or when stderr is not a terminal, no progress line; a summary line in every case.
#   progress_cli_test.sh DATELINE_BIN
set -uo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

# A JSON Lines input of invented articles, long enough to last more than a redraw, with one
# bad line (an error to count).
python3 - "$tmp/in.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(300):
        body = " ".join(f"The council of town {i} met on Monday, its chair Ana Ruiz said, and it "
                        f"voted {j} times on the budget." for j in range(40))
        f.write(json.dumps({"id": f"a{i}", "text": body, "published": "2026-03-02"}) + "\n")
        if i == 70:
            f.write('{"id": "broken", "text": 5}\n')
PY
summary='dateline: extract: 300 articles, [0-9,]+ words in [0-9.]+ s \([0-9.]+ articles/s, [0-9,]+ words/s\), 1 error, 2 threads'

"$bin" extract --threads 2 "$tmp/in.jsonl" >/dev/null 2>"$tmp/pipe.err"
check "not a terminal: no progress line" bash -c "! grep -q \$'\r' '$tmp/pipe.err'"
check "not a terminal: the summary" grep -Eq "^$summary\$" "$tmp/pipe.err"

if command -v script >/dev/null; then
  script -qec "'$bin' extract --threads 2 '$tmp/in.jsonl' >/dev/null" /dev/null >"$tmp/tty.err"
  check "terminal: a progress line redrawn in place" \
    grep -Eq $'\r\e\\[Kdateline: extract: [0-9,]+ articles, [0-9,]+ words/s, [01] errors?, [0-9]+%' "$tmp/tty.err"
  check "terminal: ... with an ETA" grep -Eq 'ETA [0-9]+:[0-9]{2}' "$tmp/tty.err"
  check "terminal: the summary" grep -Eq "$summary" "$tmp/tty.err"
  script -qec "'$bin' extract --quiet --threads 2 '$tmp/in.jsonl' >/dev/null" /dev/null >"$tmp/quiet.err"
  check "--quiet on a terminal: no progress line" bash -c "! grep -q 'words/s, ' '$tmp/quiet.err'"
  check "--quiet on a terminal: the summary" grep -Eq "$summary" "$tmp/quiet.err"
  script -qec "'$bin' ingest --db '$tmp/s.db' --threads 2 '$tmp/in.jsonl' - </dev/null >/dev/null" \
    /dev/null >"$tmp/stdin.err"
  check "ingest from stdin on a terminal: progress without an ETA" \
    bash -c "grep -q 'dateline: ingest: [0-9,]* articles' '$tmp/stdin.err' && ! grep -q ETA '$tmp/stdin.err'"
else
  echo "skip terminal checks: no script(1)"
fi
checks_done
