# shellcheck shell=bash
# Quotes: PolNeAR dev exact-span F1 (source, cue, content) and the seed quotations.
# Sourced by scripts/gates.sh, which provides gate(), $bin, $shared and $out.
# Thresholds sit just under the figures in docs/ATTRIBUTION.md.
quotes_polnear_dev() {  # quotes_polnear_dev MIN_SOURCE MIN_CUE MIN_CONTENT
  local gold="$shared/data/polnear/dev.jsonl"
  [ -f "$gold" ] || { echo "quotes: $gold missing"; return 1; }
  "$bin" extract "$gold" --format jsonl >"$out/polnear-dev.jsonl" 2>"$out/polnear-dev.err" || true
  python3 "$shared/tools/polnear_score.py" "$gold" "$out/polnear-dev.jsonl" --json >"$out/polnear.json"
  python3 - "$out/polnear.json" "$1" "$2" "$3" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["exact"]
mins = dict(zip(("source", "cue", "content"), map(float, sys.argv[2:5])))
ok = True
for role, m in mins.items():
    f1 = r[role]["f1"]
    print(f"quotes: PolNeAR dev exact {role} F1 {f1} (minimum {m})")
    ok &= f1 >= m
sys.exit(0 if ok else 1)
PY
}
gate quotes-polnear-dev quotes_polnear_dev 70.4 66.8 59.0

# Seeds: every required quote found with speaker and kind, quote precision >= 90%.
quotes_seeds() {
  python3 "$shared/tools/seedcheck.py" "$shared/seeds/expected.json" "$out/seeds.jsonl" \
    --min-recall 0 --min-precision 0 >"$out/seedcheck-quotes.txt" || true
  grep -i 'quote' "$out/seedcheck-quotes.txt" | grep -v UNEXPECTED | grep -v optional
  python3 - "$out/seedcheck-quotes.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
missed = [l for l in text.splitlines() if l.strip().startswith("MISSED quote")]
m = re.search(r"quote precision (\d+)%", text)
precision = int(m.group(1)) if m else 0
print(f"quotes: seeds missed {len(missed)} (maximum 0), quote precision {precision}% (minimum 90%)")
sys.exit(0 if not missed and precision >= 90 else 1)
PY
}
gate quotes-seeds quotes_seeds
