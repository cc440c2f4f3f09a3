#!/usr/bin/env bash
# clang-tidy, with the repository's .clang-tidy, on the C++ files this branch changes against
# its merge base with BASE (default: main, or $DL_TIDY_BASE), over the compile commands of
# the dev build (scripts/test.sh makes it). A changed header is checked through the changed
# or same-named .cc files that include it. Exits 1 when clang-tidy reports anything.
#   bash scripts/tidy-changed.sh [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-${DL_TIDY_BASE:-main}}
build=${DL_TIDY_BUILD:-build/dev}
tidy=${CLANG_TIDY:-clang-tidy}
if ! git rev-parse --verify -q "$base" >/dev/null; then
  echo "tidy-changed: no revision '$base' to compare with; nothing checked"
  exit 0
fi
[ -f "$build/compile_commands.json" ] || { echo "tidy-changed: no $build/compile_commands.json"; exit 1; }
merge_base=$(git merge-base HEAD "$base")
mapfile -t changed < <(git diff --name-only --diff-filter=ACMR "$merge_base" -- '*.cc' '*.h' |
  grep -E '^(src|apps|include|bench|tests|tools)/' || true)
if ((${#changed[@]} == 0)); then
  echo "tidy-changed: no C++ file changed since $(git rev-parse --short "$merge_base")"
  exit 0
fi
units=()
headers=()
for f in "${changed[@]}"; do
  case $f in
    *.h)
      headers+=("$f")
      [ -f "${f%.h}.cc" ] && units+=("${f%.h}.cc")
      ;;
    *.cc) units+=("$f") ;;
  esac
done
mapfile -t units < <(printf '%s\n' "${units[@]}" | sort -u |
  while read -r f; do grep -q "\"file\": \".*/$f\"" "$build/compile_commands.json" && echo "$f"; done)
# Only the changed headers are reported, wherever they are included from.
filter='^$'
if ((${#headers[@]})); then
  filter="($(printf '%s|' "${headers[@]}" | sed 's/[.]/[.]/g; s/|$//'))$"
fi
echo "tidy-changed: ${#units[@]} files, ${#headers[@]} headers changed since $(git rev-parse --short "$merge_base")"
# One clang-tidy a core; each prints its findings, and fails when it has any.
check_one() {
  local out
  # The dev build is compiled by GCC: clang does not know some of its warning flags.
  out=$("$tidy" -p "$build" --quiet --header-filter="$filter" \
    --extra-arg=-Wno-unknown-warning-option "$1" 2>/dev/null) || true
  if grep -qE '(warning|error):' <<<"$out"; then
    printf '%s\n' "$out"
    return 1
  fi
}
export -f check_one
export tidy build filter
status=0
printf '%s\n' "${units[@]}" | xargs -P "$(nproc)" -I{} bash -c 'check_one "$1"' _ {} || status=1
((status == 0)) && echo "tidy-changed: clean"
exit $status
