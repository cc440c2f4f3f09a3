# SPDX-License-Identifier: Apache-2.0
# Ingest gates (sourced by scripts/gates.sh: uses gate, $bin, $shared, $out).

# examples/articles/ holds one article per reader (text, HTML, JSON Lines): all must be read, and each
# must come out with an outlet and a publication date (from the markup, the JSONL fields, or
# the credit/copyright lines).
ingest_examples() {
  "$bin" extract examples/articles/ --format jsonl >"$out/ingest_examples.jsonl" || return 1
  python3 - "$out/ingest_examples.jsonl" <<'PY'
import json, sys
docs = [json.loads(l)["doc"] for l in open(sys.argv[1]) if l.strip()]
kinds = {d["path"].rsplit(".", 1)[-1].split(":")[0] for d in docs}
missing = [d["path"] for d in docs if not d["outlet"] or not d["published"]]
print(f"ingest examples: {len(docs)} articles from {sorted(kinds)}; without outlet/date: {missing}")
sys.exit(0 if len(docs) >= 6 and {"txt", "html", "jsonl"} <= kinds and not missing else 1)
PY
}
gate ingest-examples ingest_examples

# A folder mixing good and bad inputs: every good article arrives, every bad one is reported
# by name, and the exit code says some inputs failed.
ingest_bad_inputs() {
  local d="$out/ingest_mixed"
  mkdir -p "$d/sub"
  printf 'MIAMI: Talks resumed on Monday.\n\nPublished in Dawn, March 6th, 2026\n' >"$d/a.txt"
  printf '<html><body><article><p>Talks resumed.</p></article></body></html>' >"$d/sub/b.html"
  printf '{"text": "One."}\n{"text": "Two."}\n{"text": "cut' >"$d/c.jsonl"
  printf '' >"$d/empty.txt"
  printf 'bin\000ary' >"$d/binary.dat"
  printf 'caf\351 au lait\n' >"$d/latin1.txt"
  local rc=0
  "$bin" extract "$d" "$d/missing.txt" --format jsonl >"$out/ingest_mixed.jsonl" \
    2>"$out/ingest_mixed.err" || rc=$?
  [ "$rc" -eq 1 ] || { echo "exit code $rc, expected 1"; return 1; }
  [ "$(wc -l <"$out/ingest_mixed.jsonl")" -eq 5 ] || { echo "expected 5 articles"; return 1; }
  for needle in 'c.jsonl:3: column' 'empty.txt: empty' 'binary.dat: byte 3: NUL' 'missing.txt'; do
    grep -q "$needle" "$out/ingest_mixed.err" || { echo "no error naming: $needle"; return 1; }
  done
  grep -q '"byte":3' "$out/ingest_mixed.jsonl" || { echo "no invalid_utf8 diagnostic"; return 1; }
}
gate ingest-bad-inputs ingest_bad_inputs

# Web pages: ../shared/data/html (992 real pages with gold main text, title, date, author;
# see its README) scored by html_score.py. Thresholds just under what dateline measures
# (docs/INGEST.md); no page with gold text may be rejected.
ingest_html() {
  python3 "$shared/tools/html_score.py" "$shared/data/html" "$bin" --examples 0 \
    >"$out/html_score.txt" 2>&1 || return 1
  tail -1 "$out/html_score.txt"
  python3 - "$out/html_score.txt" <<'PY'
import re, sys
line = open(sys.argv[1]).read().strip().splitlines()[-1]
def num(pattern):
    m = re.search(pattern, line)
    return float(m.group(1)) if m else -1.0
checks = {
    "main-text F1": (num(r"full: P=[0-9.]+ R=[0-9.]+ acc=[0-9.]+ F1=([0-9.]+)"), 0.915),
    "title exact": (num(r"title\(\d+\) exact=([0-9.]+)"), 0.76),
    "date accuracy": (num(r"date\(\d+\) P=[0-9.]+ R=[0-9.]+ acc=([0-9.]+)"), 0.86),
    "author exact": (num(r"author\(\d+\) exact=([0-9.]+)"), 0.52),
}
failed = [f"{k} {v:.3f} < {t}" for k, (v, t) in checks.items() if v < t]
rejected = num(r"with text gold (\d+)\)")
if rejected != 0:
    failed.append(f"{rejected:.0f} pages with gold text rejected")
print("; ".join(failed) if failed else "html: all thresholds met")
sys.exit(1 if failed else 0)
PY
}
gate ingest-html ingest_html

# Determinism: a page's output does not depend on what else is in the run or its order.
# The pair first (its second page once came out as 7 or 557 bytes depending on the order),
# then every 8th page of the set forward, reversed and again forward.
ingest_html_determinism() {
  local d="$out/html_det"
  mkdir -p "$d"
  local names=() n=0 name
  while read -r name; do
    if [ $((n % 8)) -eq 0 ] || [ "$name" = austria.info.html.gz ] ||
      [ "$name" = mix1.de-clio.html.gz ]; then
      gunzip -c "$shared/data/html/pages/$name" >"$d/${name%.gz}"
      names+=("$d/${name%.gz}")
    fi
    n=$((n + 1))
  done < <(ls "$shared/data/html/pages")
  local pair=("$d/austria.info.html" "$d/mix1.de-clio.html")
  "$bin" extract "${pair[@]}" --format jsonl >"$d/p1.jsonl" 2>/dev/null || true
  "$bin" extract "${pair[1]}" "${pair[0]}" --format jsonl >"$d/p2.jsonl" 2>/dev/null || true
  mapfile -t reversed < <(printf '%s\n' "${names[@]}" | sort -r)
  "$bin" extract "${names[@]}" --format jsonl >"$d/f1.jsonl" 2>/dev/null || true
  "$bin" extract "${reversed[@]}" --format jsonl >"$d/r1.jsonl" 2>/dev/null || true
  "$bin" extract "${names[@]}" --format jsonl >"$d/f2.jsonl" 2>/dev/null || true
  python3 - "$d" <<'PY'
import json, sys
d = sys.argv[1]
def load(name):
    return {json.loads(l)["doc"]["path"]: l for l in open(f"{d}/{name}", encoding="utf-8")}
bad = []
for group in (("p1.jsonl", "p2.jsonl"), ("f1.jsonl", "r1.jsonl", "f2.jsonl")):
    runs = [load(g) for g in group]
    for path, line in runs[0].items():
        if any(r.get(path) != line for r in runs[1:]):
            bad.append(path.rsplit("/", 1)[-1])
n = len(load("f1.jsonl")) + len(load("p1.jsonl"))
print(f"html determinism: {n} page outputs compared across orders and runs; differing: {bad}")
sys.exit(1 if bad or n < 100 else 0)
PY
}
gate ingest-html-determinism ingest_html_determinism
