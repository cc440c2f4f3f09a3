#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# An article's output does not depend on the rest of the run (issue #20, item 6), seen from
# the CLI: each plain-text and JSON Lines input of examples/ (and the seed articles, when
# ../shared is there) extracted alone, each in its own process, then all of them in one run
# in two orders; every article's line must be the same byte for byte.
#   determinism_cli_test.sh DATELINE_BIN SOURCE_DIR
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=tests/cli/check.sh
source "$(dirname "${BASH_SOURCE[0]}")/check.sh"
cd "$src"
inputs=(examples/*.txt examples/*.jsonl)
[ -d ../shared/seeds ] && inputs+=(../shared/seeds/*.txt)
for f in "${inputs[@]}"; do "$bin" extract "$f"; done | sort >"$tmp/alone.jsonl"
"$bin" extract "${inputs[@]}" | sort >"$tmp/together.jsonl"
mapfile -t reversed < <(printf '%s\n' "${inputs[@]}" | tac)
"$bin" extract "${reversed[@]}" "${inputs[@]}" | sort -u >"$tmp/reversed.jsonl"
check "articles extracted: $(wc -l <"$tmp/alone.jsonl")" test -s "$tmp/alone.jsonl"
check "all in one run == each alone" cmp "$tmp/alone.jsonl" "$tmp/together.jsonl"
check "reversed and repeated == each alone" cmp "$tmp/alone.jsonl" "$tmp/reversed.jsonl"
checks_done
