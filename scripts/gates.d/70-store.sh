# SPDX-License-Identifier: Apache-2.0
# Store gates (sourced by scripts/gates.sh: uses gate(), $bin, $shared, $out).
# The seed articles go into a fresh database; what comes back out must be what extract
# printed, byte for byte, and a second ingest must store nothing.

store_roundtrip() {
  local db="$out/store-gate.db"
  rm -f "$db" "$db-wal" "$db-shm"
  "$bin" extract "$shared"/seeds/*.txt --format jsonl >"$out/store-extract.jsonl" || return 1
  "$bin" ingest "$shared"/seeds/*.txt --db "$db" >"$out/store-ingest1.txt" || return 1
  "$bin" export --db "$db" --format jsonl >"$out/store-export.jsonl" || return 1
  cmp -s "$out/store-extract.jsonl" "$out/store-export.jsonl"
}
gate store-export-equals-extract store_roundtrip

store_idempotent() {
  local db="$out/store-gate.db" n
  n=$(wc -l <"$out/store-extract.jsonl")
  "$bin" ingest "$shared"/seeds/*.txt --db "$db" >"$out/store-ingest2.txt" || return 1
  grep -q "stored 0, skipped as duplicate $n, failed 0" "$out/store-ingest2.txt"
}
gate store-ingest-idempotent store_idempotent
