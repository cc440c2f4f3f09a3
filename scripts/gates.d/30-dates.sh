# shellcheck shell=bash
# Dates: TIMEX3 value F1 (TempEval-3 Task A measure) on TimeBank and AQUAINT, TBAQ-cleaned.
# Sourced by scripts/gates.sh, which provides gate(), $bin, $shared and $out.
# Thresholds sit just under the figures in docs/DATES.md.
dates_value_f1() {  # dates_value_f1 CORPUS MIN_VALUE_F1
  local corpus=$1 min=$2 dir="$shared/data/timex/TBAQ-cleaned/$1"
  [ -d "$dir" ] || { echo "dates: $dir missing"; return 1; }
  python3 "$shared/tools/timex_score.py" --make-input "$dir" >"$out/timex-$corpus.jsonl"
  "$bin" extract "$out/timex-$corpus.jsonl" --format jsonl >"$out/timex-$corpus.out.jsonl" \
    2>"$out/timex-$corpus.err" || true
  local f1
  f1=$(python3 "$shared/tools/timex_score.py" "$dir" "$out/timex-$corpus.out.jsonl" --json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["value_f1"])')
  echo "dates: $corpus value F1 $f1 (minimum $min)"
  python3 -c "import sys; sys.exit(0 if float('$f1') >= float('$min') else 1)"
}
gate dates-timebank dates_value_f1 TimeBank 78
gate dates-aquaint dates_value_f1 AQUAINT 73.5

# Seeds: every required time item of the seed articles is found with its value.
dates_seed_times() {
  python3 "$shared/tools/seedcheck.py" "$shared/seeds/expected.json" "$out/seeds.jsonl" \
    --min-recall 0 --min-precision 0 >"$out/seedcheck-dates.txt" || true
  ! grep -q 'MISSED time ' "$out/seedcheck-dates.txt"
}
gate dates-seeds dates_seed_times
