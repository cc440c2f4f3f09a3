# SPDX-License-Identifier: Apache-2.0
# Syntax gates (docs/SYNTAX.md): UPOS and LAS F1 on UD English EWT test, once with the gold
# words and sentences and once from raw text through dateline's own segmenter. Thresholds sit
# just under the scores of the committed models. Sourced by scripts/gates.sh.

syntax_ud() {  # syntax_ud gold|raw UPOS_MIN LAS_MIN
  local mode=$1 upos_min=$2 las_min=$3 flag=""
  [ "$mode" = gold ] && flag=--gold-tokens
  "$bin" eval ud "$shared/data/ud/en_ewt-ud-test.conllu" $flag >"$out/ud-$mode.txt" || return 1
  awk -F'|' -v mode="$mode" -v umin="$upos_min" -v lmin="$las_min" '
    $1 ~ /^UPOS/ { upos = $4 + 0 }
    $1 ~ /^LAS/ { las = $4 + 0 }
    END {
      printf "  EWT test (%s): UPOS %.2f (min %s), LAS %.2f (min %s)\n", mode, upos, umin, las, lmin
      exit !(upos >= umin && las >= lmin)
    }' "$out/ud-$mode.txt"
}

gate syntax-ewt-gold-tokens syntax_ud gold 95.7 84.0
gate syntax-ewt-raw-text syntax_ud raw 95.0 81.6
