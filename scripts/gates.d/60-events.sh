# shellcheck shell=bash
# SPDX-License-Identifier: Apache-2.0
# Event coding gates (docs/EVENTS.md): PLOVER gold dev records fed as JSON Lines and scored by
# ../shared/tools/events_score.py (type F1 and full F1: type + actor + recipient), and the
# required events of the seed articles. Thresholds sit just under the measured figures.
# Sourced by scripts/gates.sh.

events_plover_dev() {  # events_plover_dev MIN_TYPE_F1 MIN_FULL_F1
  local gold="$shared/data/events/plover_gold_dev.jsonl"
  "$bin" extract "$gold" --format jsonl >"$out/events-dev.jsonl" || return 1
  python3 "$shared/tools/events_score.py" "$gold" "$out/events-dev.jsonl" --json \
    >"$out/events-dev-score.json" || return 1
  python3 - "$out/events-dev-score.json" "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t, f = r["type"]["f1"], r["full"]["f1"]
print(f"  plover dev: type F1 {t} (min {sys.argv[2]}), full F1 {f} (min {sys.argv[3]})")
sys.exit(0 if t >= float(sys.argv[2]) and f >= float(sys.argv[3]) else 1)
PY
}

events_seeds() {  # every required event of the seed articles
  "$bin" extract "$shared"/seeds/*.txt --format jsonl >"$out/events-seeds.jsonl" || return 1
  python3 "$shared/tools/seedcheck.py" "$shared/seeds/expected.json" "$out/events-seeds.jsonl" \
    --min-recall 0 --min-precision 0 >"$out/events-seedcheck.txt" || true
  ! grep -q '^  MISSED event' "$out/events-seedcheck.txt"
}

gate events-plover-dev events_plover_dev 76 61
gate events-seeds events_seeds
