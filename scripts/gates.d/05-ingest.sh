# SPDX-License-Identifier: Apache-2.0
# Ingest gates (sourced by scripts/gates.sh: uses gate, $bin, $shared, $out).

# examples/ holds one article per reader (text, HTML, JSON Lines): all must be read, and each
# must come out with an outlet and a publication date (from the markup, the JSONL fields, or
# the credit/copyright lines).
ingest_examples() {
  "$bin" extract examples/ --format jsonl >"$out/ingest_examples.jsonl" || return 1
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
