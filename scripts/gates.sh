#!/usr/bin/env bash
# Accuracy gates on ../shared data, each with the threshold the project has reached and
# must not fall below. Uses the dev build made by scripts/test.sh (or DATELINE_BIN).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DATELINE_SHARED:-../shared}
bin=${DATELINE_BIN:-build/dev/apps/cli/dateline}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0

gate() {  # gate NAME COMMAND...: runs the command, reports pass/fail
  local name=$1
  shift
  if "$@"; then
    echo "gate $name: passed"
  else
    echo "gate $name: FAILED"
    status=1
  fi
}

# Seed articles: the metadata items (doc.*) must all be right.
"$bin" extract "$shared"/seeds/*.txt --format jsonl >"$out/seeds.jsonl"
seed_doc_items() {
  python3 "$shared/tools/seedcheck.py" "$shared/seeds/expected.json" "$out/seeds.jsonl" \
    --min-recall 0 --min-precision 0 >"$out/seedcheck.txt" || true
  tail -1 "$out/seedcheck.txt"
  ! grep -q 'MISSED doc\.' "$out/seedcheck.txt"
}
gate seed-metadata seed_doc_items

# Each stage adds its own gates as scripts/gates.d/NN-name.sh, sourced here so they can use
# gate(), $bin, $shared and $out.
for f in scripts/gates.d/*.sh; do
  [ -e "$f" ] || continue
  # shellcheck source=/dev/null
  source "$f"
done

exit $status
